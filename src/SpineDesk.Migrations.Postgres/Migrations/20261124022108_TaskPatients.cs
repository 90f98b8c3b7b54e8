using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TaskPatients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PatientId",
                table: "Tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PatientId_Status",
                table: "Tasks",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Tasks_OneSubject",
                table: "Tasks",
                sql: "\"InquiryId\" IS NULL OR \"PatientId\" IS NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_Patients_PatientId",
                table: "Tasks",
                column: "PatientId",
                principalTable: "Patients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_Patients_PatientId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_PatientId_Status",
                table: "Tasks");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Tasks_OneSubject",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "PatientId",
                table: "Tasks");
        }
    }
}
