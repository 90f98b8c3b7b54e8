using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// No two active (Booked) consultations of one clinician may overlap in time, whatever their lengths.
    /// SQLite has no exclusion constraints, so triggers refuse the insert or update that would overlap
    /// (half-open ranges: back-to-back consultations are allowed). Times are stored as ISO-8601 text, which
    /// compares in time order.
    /// </summary>
    public partial class ConsultationOverlap : Migration
    {
        private const string NotItself = " AND c.\"Id\" <> NEW.\"Id\"";

        private static string Overlap(string otherRow) =>
            $"""
            SELECT RAISE(ABORT, 'EX_Consultations_Clinician_NoOverlap: the clinician already has a consultation at that time')
            WHERE EXISTS (
                SELECT 1 FROM "Consultations" AS c
                WHERE c."ClinicianId" = NEW."ClinicianId" AND c."Status" = 'Booked'{otherRow}
                  AND c."StartUtc" < NEW."EndUtc" AND c."EndUtc" > NEW."StartUtc");
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "TR_Consultations_NoOverlap_Insert" BEFORE INSERT ON "Consultations"
                WHEN NEW."Status" = 'Booked'
                BEGIN
                {Overlap("")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "TR_Consultations_NoOverlap_Update" BEFORE UPDATE OF "ClinicianId", "StartUtc", "EndUtc", "Status" ON "Consultations"
                WHEN NEW."Status" = 'Booked'
                BEGIN
                {Overlap(NotItself)}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Consultations_NoOverlap_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Consultations_NoOverlap_Update";""");
        }
    }
}
