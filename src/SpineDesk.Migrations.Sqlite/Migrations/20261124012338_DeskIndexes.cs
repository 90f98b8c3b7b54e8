using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inquiries_OwnerId",
                table: "Inquiries");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_NameKey",
                table: "Inquiries",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_OwnerId_Stage",
                table: "Inquiries",
                columns: new[] { "OwnerId", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inquiries_NameKey",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_OwnerId_Stage",
                table: "Inquiries");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_OwnerId",
                table: "Inquiries",
                column: "OwnerId");
        }
    }
}
