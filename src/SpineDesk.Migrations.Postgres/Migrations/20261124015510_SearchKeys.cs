using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneTail",
                table: "Inquiries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Existing rows get their key here; new and changed rows get it on save (InquirySearchKeys.PhoneTail).
            // Stored numbers are E.164 ("+" and digits), so the last seven characters after the "+" are the digits.
            migrationBuilder.Sql("UPDATE \"Inquiries\" SET \"PhoneTail\" = right(replace(\"Phone\", '+', ''), 7);");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PhoneTail",
                table: "Inquiries",
                column: "PhoneTail");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PhoneTail",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PhoneTail",
                table: "Inquiries");
        }
    }
}
