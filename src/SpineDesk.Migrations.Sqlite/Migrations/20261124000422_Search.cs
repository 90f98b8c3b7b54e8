using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "Inquiries",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Inquiries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Inquiries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PossibleDuplicateMatch",
                table: "Inquiries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PossibleDuplicateOfId",
                table: "Inquiries",
                type: "INTEGER",
                nullable: true);

            // Existing rows: lower() folds ASCII only here; the app writes the full key (accents removed) on the next save.
            migrationBuilder.Sql("UPDATE \"Inquiries\" SET \"NameKey\" = lower(\"Name\"), \"EmailKey\" = lower(\"Email\");");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_EmailKey",
                table: "Inquiries",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_MergedIntoId",
                table: "Inquiries",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Phone",
                table: "Inquiries",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries",
                column: "PossibleDuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ReceivedAt",
                table: "Inquiries",
                column: "ReceivedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_Inquiries_MergedIntoId",
                table: "Inquiries",
                column: "MergedIntoId",
                principalTable: "Inquiries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries",
                column: "PossibleDuplicateOfId",
                principalTable: "Inquiries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_Inquiries_MergedIntoId",
                table: "Inquiries");

            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_EmailKey",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_MergedIntoId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_Phone",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_ReceivedAt",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PossibleDuplicateMatch",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PossibleDuplicateOfId",
                table: "Inquiries");
        }
    }
}
