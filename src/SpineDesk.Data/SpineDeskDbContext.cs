using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Audit;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Outbox;
using SpineDesk.Data.Patients;
using SpineDesk.Data.Questionnaires;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;

namespace SpineDesk.Data;

public class SpineDeskDbContext(DbContextOptions<SpineDeskDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();

    public DbSet<ContactAttempt> ContactAttempts => Set<ContactAttempt>();

    public DbSet<StageChange> StageChanges => Set<StageChange>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<QuestionnairePack> QuestionnairePacks => Set<QuestionnairePack>();

    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    public DbSet<QuestionnaireResponse> QuestionnaireResponses => Set<QuestionnaireResponse>();

    public DbSet<ScoreObservation> ScoreObservations => Set<ScoreObservation>();

    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();

    public DbSet<ClinicianAvailability> ClinicianAvailabilities => Set<ClinicianAvailability>();

    public DbSet<AvailabilityChange> AvailabilityChanges => Set<AvailabilityChange>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<StaffTask> Tasks => Set<StaffTask>();

    private bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only.");
            }
        }

        // Every change raises the version, so anyone holding an older form is stopped (see VersionChecks).
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Inquiry>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.NameKey = InquirySearchKeys.Name(entry.Entity.Name);
                entry.Entity.EmailKey = InquirySearchKeys.Email(entry.Entity.Email);
                entry.Entity.PhoneTail = InquirySearchKeys.PhoneTail(entry.Entity.Phone);
            }
        }

        foreach (var entry in ChangeTracker.Entries<Patient>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.NameKey = InquirySearchKeys.Name(entry.Entity.Name);
                entry.Entity.EmailKey = InquirySearchKeys.Email(entry.Entity.Email);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (IsSqlite)
        {
            // SQLite stores text; every DateTime in SpineDesk is UTC, so say so when reading back.
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));

        builder.Entity<Inquiry>(e =>
        {
            e.Property(i => i.ReferenceNumber).HasMaxLength(20);
            e.HasIndex(i => i.ReferenceNumber).IsUnique();
            e.HasIndex(i => i.SubmissionKey).IsUnique();
            e.Property(i => i.Name).HasMaxLength(200);
            e.Property(i => i.Phone).HasMaxLength(20);
            e.Property(i => i.Email).HasMaxLength(254);
            e.Property(i => i.Language).HasMaxLength(35);
            e.Property(i => i.Message).HasMaxLength(4000);
            e.Property(i => i.OwnerId).HasMaxLength(450);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Property(i => i.RedFlags)
                .HasConversion(
                    v => string.Join(',', v),
                    v => v.Length == 0 ? new List<RedFlagSign>() : v.Split(',', StringSplitOptions.None).Select(Enum.Parse<RedFlagSign>).ToList(),
                    new ValueComparer<List<RedFlagSign>>(
                        (a, b) => a!.SequenceEqual(b!),
                        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)),
                        v => v.ToList()))
                .HasMaxLength(1000);
            e.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.Stage, i.Urgency, i.ReceivedAt });
            // "My open inquiries": an owner has thousands of closed ones, so the owner alone is not selective enough
            // (docs/benchmarks.md, DeskIndexes); this index also serves the foreign key.
            e.HasIndex(i => new { i.OwnerId, i.Stage });
            e.Property(i => i.NameKey).HasMaxLength(200);
            e.Property(i => i.EmailKey).HasMaxLength(254);
            // Search and duplicate detection look inquiries up by these (see docs/benchmarks.md for the plans).
            e.HasIndex(i => i.Phone);
            e.HasIndex(i => i.EmailKey);
            e.HasIndex(i => i.ReceivedAt);
            e.Property(i => i.PhoneTail).HasMaxLength(20);
            // The end of a number ("555-0143") is an equality look-up on its last seven digits, not a scan.
            e.HasIndex(i => i.PhoneTail);
            if (IsSqlite)
            {
                // Name search is a substring match: SQLite scans this narrow index instead of the table. PostgreSQL
                // has a trigram (pg_trgm) GIN index instead, created in its DeskIndexes migration.
                e.HasIndex(i => i.NameKey);
                // A name within one stage: without this SQLite walks the stage's rows (most of the table for
                // "Closed") and reads each one; with it the match is decided inside the index (docs/benchmarks.md).
                e.HasIndex(i => new { i.Stage, i.NameKey, i.ReceivedAt });
            }
            e.HasOne<Inquiry>().WithMany().HasForeignKey(i => i.PossibleDuplicateOfId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Inquiry>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(i => i.Patient).WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(i => i.PossiblePatientId).OnDelete(DeleteBehavior.Restrict);
            // These links are empty on most inquiries, and they are only ever looked up by a value. Indexing only the
            // rows that have one keeps SQLite, which has no statistics, from walking "MergedIntoId IS NULL" (every
            // inquiry) instead of the date range of the team view's period (docs/benchmarks.md).
            foreach (var link in new[] { nameof(Inquiry.PossibleDuplicateOfId), nameof(Inquiry.MergedIntoId), nameof(Inquiry.PatientId), nameof(Inquiry.PossiblePatientId) })
            {
                e.HasIndex(link).HasFilter($"\"{link}\" IS NOT NULL");
            }
            e.Ignore(i => i.IsOpen);
        });

        builder.Entity<ContactAttempt>(e =>
        {
            e.Property(a => a.Note).HasMaxLength(2000);
            e.Property(a => a.StaffUserId).HasMaxLength(450);
            e.HasOne(a => a.Inquiry).WithMany(i => i.ContactAttempts).HasForeignKey(a => a.InquiryId);
            e.HasIndex(a => new { a.InquiryId, a.At });
        });

        builder.Entity<StageChange>(e =>
        {
            e.Property(s => s.StaffUserId).HasMaxLength(450);
            e.HasOne<Inquiry>().WithMany(i => i.StageChanges).HasForeignKey(s => s.InquiryId);
            e.HasIndex(s => new { s.InquiryId, s.At });
        });

        builder.Entity<Note>(e =>
        {
            e.Property(n => n.StaffUserId).HasMaxLength(450);
            e.Property(n => n.Text).HasMaxLength(Note.TextMaxLength);
            e.HasOne<Inquiry>().WithMany().HasForeignKey(n => n.InquiryId);
            e.HasOne<Patient>().WithMany().HasForeignKey(n => n.PatientId);
            e.HasIndex(n => new { n.InquiryId, n.At });
            e.HasIndex(n => new { n.PatientId, n.At });
            // A note belongs to an inquiry or to a patient, never both and never neither.
            e.ToTable(t => t.HasCheckConstraint(
                "CK_Notes_InquiryOrPatient",
                "(\"InquiryId\" IS NOT NULL AND \"PatientId\" IS NULL) OR (\"InquiryId\" IS NULL AND \"PatientId\" IS NOT NULL)"));
        });

        builder.Entity<Patient>(e =>
        {
            e.Property(p => p.PatientNumber).HasMaxLength(20);
            e.HasIndex(p => p.PatientNumber).IsUnique();
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.Property(p => p.Email).HasMaxLength(254);
            e.Property(p => p.NameKey).HasMaxLength(200);
            e.Property(p => p.EmailKey).HasMaxLength(254);
            e.Property(p => p.CreatedById).HasMaxLength(450);
            e.Property(p => p.Version).IsConcurrencyToken();
            // Looked up by these when an inquiry arrives or is registered (not unique: a family may share a phone).
            e.HasIndex(p => p.Phone);
            e.HasIndex(p => p.EmailKey);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StaffInvitation>(e =>
        {
            e.Property(i => i.Email).HasMaxLength(254);
            e.Property(i => i.DisplayName).HasMaxLength(200);
            e.Property(i => i.Roles).HasMaxLength(200);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.Kind).HasMaxLength(60);
            e.Property(m => m.ToAddress).HasMaxLength(254);
            e.Property(m => m.ToName).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.MessageId).HasMaxLength(200);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasOne(m => m.Inquiry).WithMany().HasForeignKey(m => m.InquiryId);
            e.HasMany(m => m.Attempts).WithOne().HasForeignKey(a => a.OutboxMessageId);
            e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId);
        });

        builder.Entity<OutboxAttachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(200);
        });

        builder.Entity<OutboxAttempt>(e =>
        {
            e.Property(a => a.Transport).HasMaxLength(20);
            e.Property(a => a.Error).HasMaxLength(2000);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.UserId).HasMaxLength(450);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(60);
            e.Property(a => a.EntityType).HasMaxLength(60);
            e.Property(a => a.EntityId).HasMaxLength(60);
            e.Property(a => a.RemoteAddress).HasMaxLength(64);
            e.Property(a => a.Details).HasMaxLength(1000);
            e.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
            e.HasIndex(a => a.At);
        });

        OnQuestionnairesCreating(builder);
        OnConsultationsCreating(builder);
        OnTasksCreating(builder);
    }

    private static void OnTasksCreating(ModelBuilder builder)
    {
        builder.Entity<StaffTask>(e =>
        {
            e.ToTable("Tasks", t =>
            {
                // A task has exactly one owner: a person or a role, never both, never neither.
                t.HasCheckConstraint("CK_Tasks_OneOwner", "(\"OwnerId\" IS NULL) <> (\"OwnerRole\" IS NULL)");
                // About an inquiry or a patient (or nobody in particular), not both.
                t.HasCheckConstraint("CK_Tasks_OneSubject", "\"InquiryId\" IS NULL OR \"PatientId\" IS NULL");
            });
            e.Property(t => t.Title).HasMaxLength(StaffTask.TitleMaxLength);
            e.Property(t => t.Details).HasMaxLength(StaffTask.DetailsMaxLength);
            e.Property(t => t.Outcome).HasMaxLength(StaffTask.OutcomeMaxLength);
            e.Property(t => t.OwnerId).HasMaxLength(450);
            e.Property(t => t.OwnerRole).HasMaxLength(40);
            e.Property(t => t.CreatedById).HasMaxLength(450);
            e.Property(t => t.ClosedById).HasMaxLength(450);
            e.Property(t => t.Rule).HasMaxLength(60);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasOne(t => t.Inquiry).WithMany().HasForeignKey(t => t.InquiryId);
            e.HasOne(t => t.Patient).WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Consultation>().WithMany().HasForeignKey(t => t.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            // My day and the task list read open tasks by owner (person or role) in due order.
            e.HasIndex(t => new { t.Status, t.OwnerId, t.DueAt });
            e.HasIndex(t => new { t.Status, t.OwnerRole, t.DueAt });
            e.HasIndex(t => new { t.InquiryId, t.Status });
            e.HasIndex(t => new { t.PatientId, t.Status });
            // A rule makes its task once per trigger, even when two requests record the same event.
            e.HasIndex(t => new { t.Rule, t.ConsultationId }).IsUnique()
                .HasFilter("\"Rule\" IS NOT NULL AND \"ConsultationId\" IS NOT NULL");
        });
    }

    private void OnConsultationsCreating(ModelBuilder builder)
    {
        builder.Entity<ClinicianAvailability>(e =>
        {
            e.Property(a => a.ClinicianId).HasMaxLength(450);
            e.Property(a => a.Location).HasMaxLength(200);
            e.HasOne(a => a.Clinician).WithMany().HasForeignKey(a => a.ClinicianId);
            e.HasIndex(a => new { a.ClinicianId, a.Day });
        });

        builder.Entity<AvailabilityChange>(e =>
        {
            e.Property(a => a.ClinicianId).HasMaxLength(450);
            e.Property(a => a.Location).HasMaxLength(200);
            e.Property(a => a.Note).HasMaxLength(500);
            e.HasOne(a => a.Clinician).WithMany().HasForeignKey(a => a.ClinicianId);
            e.HasIndex(a => new { a.ClinicianId, a.Date });
        });

        builder.Entity<Consultation>(e =>
        {
            e.Property(c => c.ClinicianId).HasMaxLength(450);
            e.Property(c => c.BookedById).HasMaxLength(450);
            e.Property(c => c.Location).HasMaxLength(200);
            e.Property(c => c.RescheduleReason).HasMaxLength(1000);
            e.Property(c => c.CancelReason).HasMaxLength(1000);
            e.Property(c => c.IcsUid).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne(c => c.Inquiry).WithMany().HasForeignKey(c => c.InquiryId);
            e.HasOne(c => c.Clinician).WithMany().HasForeignKey(c => c.ClinicianId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.IcsUid).IsUnique();
            e.HasIndex(c => c.InquiryId);
            e.HasIndex(c => new { c.Status, c.StartUtc });
            // No double booking, decided by the database: one Booked consultation per clinician and start. Both
            // providers support partial indexes; the enum is stored as text, and both quote identifiers with ".
            var activeOnly = IsSqlite ? "\"Status\" = 'Booked'" : "\"Status\" = 'Booked'::text";
            e.HasIndex(c => new { c.ClinicianId, c.StartUtc }).IsUnique().HasFilter(activeOnly)
                .HasDatabaseName("IX_Consultations_ClinicianId_StartUtc_Booked");
        });
    }

    private static void OnQuestionnairesCreating(ModelBuilder builder)
    {
        builder.Entity<QuestionnairePack>(e =>
        {
            e.Property(p => p.Key).HasMaxLength(100);
            e.Property(p => p.Version).HasMaxLength(100);
            e.Property(p => p.CanonicalUrl).HasMaxLength(500);
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.ScorerKey).HasMaxLength(60);
            e.Property(p => p.JsonHash).HasMaxLength(64);
            e.Property(p => p.Source).HasMaxLength(20);
            e.Property(p => p.ImportedById).HasMaxLength(450);
            e.HasIndex(p => new { p.Key, p.Version }).IsUnique();
            e.HasIndex(p => new { p.Key, p.IsCurrent });
        });

        builder.Entity<SelfAssessment>(e =>
        {
            e.Property(a => a.TokenHash).HasMaxLength(64);
            e.HasIndex(a => a.TokenHash).IsUnique();
            e.Property(a => a.PainRegions).HasMaxLength(500);
            e.Property(a => a.CurrentStep).HasMaxLength(60);
            e.Property(a => a.RedFlags)
                .HasConversion(
                    v => v == null ? null : string.Join(',', v),
                    v => v == null ? null : v.Length == 0 ? new List<RedFlagSign>() : v.Split(',', StringSplitOptions.None).Select(Enum.Parse<RedFlagSign>).ToList(),
                    new ValueComparer<List<RedFlagSign>?>(
                        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                        v => v == null ? 0 : v.Aggregate(0, (h, s) => HashCode.Combine(h, s)),
                        v => v == null ? null : v.ToList()))
                .HasMaxLength(1000);
            e.HasOne(a => a.Inquiry).WithMany().HasForeignKey(a => a.InquiryId);
            e.HasIndex(a => a.InquiryId);
        });

        builder.Entity<QuestionnaireResponse>(e =>
        {
            e.HasOne(r => r.Pack).WithMany().HasForeignKey(r => r.PackId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SelfAssessment>().WithMany(a => a.Responses).HasForeignKey(r => r.SelfAssessmentId);
            e.HasOne(r => r.Inquiry).WithMany().HasForeignKey(r => r.InquiryId);
            e.HasIndex(r => r.InquiryId);
            e.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ResponseId);
        });

        builder.Entity<ScoreObservation>(e =>
        {
            e.Property(s => s.System).HasMaxLength(200);
            e.Property(s => s.Code).HasMaxLength(60);
            e.Property(s => s.Display).HasMaxLength(200);
            e.Property(s => s.Unit).HasMaxLength(40);
            e.Property(s => s.Interpretation).HasMaxLength(100);
            e.Property(s => s.Value).HasPrecision(9, 3);
            e.HasOne<Inquiry>().WithMany().HasForeignKey(s => s.InquiryId);
            e.HasIndex(s => new { s.InquiryId, s.Code });
        });
    }

    private sealed class UtcDateTimeConverter()
        : ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
