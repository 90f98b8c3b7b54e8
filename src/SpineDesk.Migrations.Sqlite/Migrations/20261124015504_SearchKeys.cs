using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Existing rows get their key here; new and changed rows get it on save (InquirySearchKeys.PhoneTail).
            // Stored numbers are E.164 ("+" and digits), so the last seven characters after the "+" are the digits.
            migrationBuilder.Sql("UPDATE \"Inquiries\" SET \"PhoneTail\" = substr(replace(\"Phone\", '+', ''), -7);");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PhoneTail",
                table: "Inquiries",
                column: "PhoneTail");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Stage_NameKey_ReceivedAt",
                table: "Inquiries",
                columns: new[] { "Stage", "NameKey", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PhoneTail",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_Stage_NameKey_ReceivedAt",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PhoneTail",
                table: "Inquiries");
        }
    }
}
