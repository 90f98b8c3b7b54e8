using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SpineDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Patients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notes_Inquiries_InquiryId",
                table: "Notes");

            migrationBuilder.AlterColumn<int>(
                name: "InquiryId",
                table: "Notes",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "PatientId",
                table: "Notes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PatientId",
                table: "Inquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PossiblePatientId",
                table: "Inquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PossiblePatientMatch",
                table: "Inquiries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Patients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Patients_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notes_PatientId_At",
                table: "Notes",
                columns: new[] { "PatientId", "At" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notes_InquiryOrPatient",
                table: "Notes",
                sql: "(\"InquiryId\" IS NOT NULL AND \"PatientId\" IS NULL) OR (\"InquiryId\" IS NULL AND \"PatientId\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PatientId",
                table: "Inquiries",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_PossiblePatientId",
                table: "Inquiries",
                column: "PossiblePatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_CreatedById",
                table: "Patients",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_EmailKey",
                table: "Patients",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PatientNumber",
                table: "Patients",
                column: "PatientNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_Phone",
                table: "Patients",
                column: "Phone");

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_Patients_PatientId",
                table: "Inquiries",
                column: "PatientId",
                principalTable: "Patients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_Patients_PossiblePatientId",
                table: "Inquiries",
                column: "PossiblePatientId",
                principalTable: "Patients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Notes_Inquiries_InquiryId",
                table: "Notes",
                column: "InquiryId",
                principalTable: "Inquiries",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Notes_Patients_PatientId",
                table: "Notes",
                column: "PatientId",
                principalTable: "Patients",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_Patients_PatientId",
                table: "Inquiries");

            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_Patients_PossiblePatientId",
                table: "Inquiries");

            migrationBuilder.DropForeignKey(
                name: "FK_Notes_Inquiries_InquiryId",
                table: "Notes");

            migrationBuilder.DropForeignKey(
                name: "FK_Notes_Patients_PatientId",
                table: "Notes");

            migrationBuilder.DropTable(
                name: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Notes_PatientId_At",
                table: "Notes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Notes_InquiryOrPatient",
                table: "Notes");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PatientId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_PossiblePatientId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PatientId",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "PatientId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PossiblePatientId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PossiblePatientMatch",
                table: "Inquiries");

            migrationBuilder.AlterColumn<int>(
                name: "InquiryId",
                table: "Notes",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Notes_Inquiries_InquiryId",
                table: "Notes",
                column: "InquiryId",
                principalTable: "Inquiries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
