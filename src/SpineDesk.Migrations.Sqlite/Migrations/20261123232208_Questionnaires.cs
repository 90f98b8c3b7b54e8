using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Questionnaires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuestionnairePacks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CanonicalUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ScorerKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    HasPlaceholderWording = table.Column<bool>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    JsonHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnairePacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RedFlags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PainRegions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CurrentStep = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackId = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_QuestionnairePacks_PackId",
                        column: x => x.PackId,
                        principalTable: "QuestionnairePacks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_SelfAssessments_SelfAssessmentId",
                        column: x => x.SelfAssessmentId,
                        principalTable: "SelfAssessments",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ScoreObservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    System = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Display = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Interpretation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Incomplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    EffectiveAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreObservations_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScoreObservations_QuestionnaireResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "QuestionnaireResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnairePacks_Key_IsCurrent",
                table: "QuestionnairePacks",
                columns: new[] { "Key", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnairePacks_Key_Version",
                table: "QuestionnairePacks",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_InquiryId",
                table: "QuestionnaireResponses",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_PackId",
                table: "QuestionnaireResponses",
                column: "PackId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_SelfAssessmentId",
                table: "QuestionnaireResponses",
                column: "SelfAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreObservations_InquiryId_Code",
                table: "ScoreObservations",
                columns: new[] { "InquiryId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreObservations_ResponseId",
                table: "ScoreObservations",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_InquiryId",
                table: "SelfAssessments",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_TokenHash",
                table: "SelfAssessments",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScoreObservations");

            migrationBuilder.DropTable(
                name: "QuestionnaireResponses");

            migrationBuilder.DropTable(
                name: "QuestionnairePacks");

            migrationBuilder.DropTable(
                name: "SelfAssessments");
        }
    }
}
