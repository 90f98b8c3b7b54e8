using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Tasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.CheckConstraint("CK_Tasks_OneOwner", "(\"OwnerId\" IS NULL) <> (\"OwnerRole\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Tasks_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ConsultationId",
                table: "Tasks",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InquiryId_Status",
                table: "Tasks",
                columns: new[] { "InquiryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OwnerId",
                table: "Tasks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Rule_ConsultationId",
                table: "Tasks",
                columns: new[] { "Rule", "ConsultationId" },
                unique: true,
                filter: "\"Rule\" IS NOT NULL AND \"ConsultationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_OwnerId_DueAt",
                table: "Tasks",
                columns: new[] { "Status", "OwnerId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_OwnerRole_DueAt",
                table: "Tasks",
                columns: new[] { "Status", "OwnerRole", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Tasks");
        }
    }
}
