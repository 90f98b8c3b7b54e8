using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineDesk.Migrations.Postgres.Migrations
{
    /// <summary>
    /// No two active (Booked) consultations of one clinician may overlap in time, whatever their lengths:
    /// an exclusion constraint over the clinician and the half-open range [start, end), so back-to-back
    /// consultations are allowed. btree_gist lets the GiST index compare the clinician id with =.
    /// </summary>
    public partial class ConsultationOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql(
                """
                ALTER TABLE "Consultations" ADD CONSTRAINT "EX_Consultations_Clinician_NoOverlap"
                EXCLUDE USING gist ("ClinicianId" WITH =, tstzrange("StartUtc", "EndUtc", '[)') WITH &&)
                WHERE ("Status" = 'Booked');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Consultations" DROP CONSTRAINT IF EXISTS "EX_Consultations_Clinician_NoOverlap";""");
        }
    }
}
