using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Postgres.Migrations
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
                name: "IX_Inquiries_OwnerId_Stage",
                table: "Inquiries",
                columns: new[] { "OwnerId", "Stage" });

            // Name search is a substring match (LIKE '%…%'); a trigram GIN index answers it without reading every
            // inquiry. pg_trgm ships with PostgreSQL and is a trusted extension (13+): the database owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Inquiries_NameKey_Trigram\" ON \"Inquiries\" USING gin (\"NameKey\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Inquiries_NameKey_Trigram\";");

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
