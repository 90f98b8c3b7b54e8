using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SparseLinkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inquiries_MergedIntoId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PatientId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PossiblePatientId",
                table: "Inquiries");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_MergedIntoId",
                table: "Inquiries",
                column: "MergedIntoId",
                filter: "\"MergedIntoId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PatientId",
                table: "Inquiries",
                column: "PatientId",
                filter: "\"PatientId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries",
                column: "PossibleDuplicateOfId",
                filter: "\"PossibleDuplicateOfId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PossiblePatientId",
                table: "Inquiries",
                column: "PossiblePatientId",
                filter: "\"PossiblePatientId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inquiries_MergedIntoId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PatientId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PossiblePatientId",
                table: "Inquiries");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_MergedIntoId",
                table: "Inquiries",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PatientId",
                table: "Inquiries",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PossibleDuplicateOfId",
                table: "Inquiries",
                column: "PossibleDuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PossiblePatientId",
                table: "Inquiries",
                column: "PossiblePatientId");
        }
    }
}
