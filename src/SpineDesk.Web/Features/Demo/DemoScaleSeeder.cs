using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Outbox;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Demo;

/// <summary>How many inquiries and timeline events to make for a load test, and from which seed.</summary>
public sealed record DemoScaleRequest(int Inquiries, int Events, int Seed);

/// <summary>What a scale seeding added, by kind of timeline event.</summary>
public sealed record DemoScaleSummary(
    int Inquiries, int OpenInquiries, int ContactAttempts, int StageChanges, int Notes, int Emails, int Consultations, int Tasks, int OpenTasks, TimeSpan Took)
{
    public int Events => ContactAttempts + StageChanges + Notes + Emails + Consultations;

    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"""
        Scale data seeded in {Took.TotalSeconds:0} s: {Inquiries} inquiries ({OpenInquiries} open) and {Events} timeline events:
          {ContactAttempts} contact attempts, {StageChanges} stage changes, {Notes} notes, {Emails} outbox emails, {Consultations} consultations;
          and {Tasks} tasks ({OpenTasks} open).
        """);
}

/// <summary>
/// Fills an empty database with a clinic's two years, for load tests (bench/desk-load.sh): the demo clinic's
/// inquiries and histories (played through the pipeline's state machine), mostly old and closed, with the last
/// 6% received in the last three days, many of them still open; then for each inquiry its confirmation email,
/// a consultation (and its confirmation email) for each booking in its history, and notes until the timeline
/// events reach the number asked for. Booked consultations never share a clinician and start (the database's
/// no-double-booking index). Written in batches, one transaction per batch, with change tracking cleared between.
/// </summary>
public sealed class DemoScaleSeeder(
    SpineDeskDbContext db,
    DemoClinicSeeder demo,
    UserManager<StaffUser> users,
    PhoneNumberReader phones,
    TimeProvider time)
{
    private const int BatchSize = 2_000;

    /// <summary>The share of inquiries received in the last three days: most of the open queue.</summary>
    private const double RecentShare = 0.06;

    private static readonly string[] NoteTexts =
    [
        "Spoke with the GP's surgery; referral letter on its way.",
        "Prefers calls after 5 pm on weekdays.",
        "Asked for information about costs before booking.",
        "Imaging from 2024 available; patient will bring the disc.",
        "Interpreter needed for the consultation.",
        "Patient asked us to use the mobile number only.",
        "Follow-up questionnaire sent by post as requested.",
        "Discussed parking at the clinic.",
    ];

    public async Task<DemoScaleSummary> SeedAsync(DemoScaleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        if (await db.Inquiries.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already has inquiries; scale data is only added to an empty database.");
        }

        await demo.EnsureTeamAsync(cancellationToken);
        var team = await TeamAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var zone = demo.ClinicTimeZone();
        var recent = Math.Max(1, (int)(request.Inquiries * RecentShare));
        var inquiries = new DemoInquiryGenerator(request.Seed, now, team, phones, zone, days: 730).Create(request.Inquiries - recent);
        inquiries.AddRange(new DemoInquiryGenerator(unchecked(request.Seed + 1), now, team, phones, zone, days: 3).Create(recent));

        var random = new Randomizer(unchecked(request.Seed + 2));
        var booked = new HashSet<(string, DateTime)>();
        var extras = inquiries.Select(i => EmailsAndConsultations(i, team, random, booked, now)).ToList();
        var tasks = inquiries.Select(i => TaskFor(i, team, random, now)).ToList();
        var emails = extras.Sum(e => e.Count(x => x is OutboxMessage));
        var consultations = extras.Sum(e => e.Count(x => x is Consultation));

        var attempts = inquiries.Sum(i => i.ContactAttempts.Count);
        var stageChanges = inquiries.Sum(i => i.StageChanges.Count);
        var noteCount = Math.Max(0, request.Events - attempts - stageChanges - emails - consultations);
        // Notes go where coordinators write them: any inquiry, some many times.
        var notesFor = new int[inquiries.Count];
        for (var n = 0; n < noteCount; n++)
        {
            notesFor[random.Number(0, inquiries.Count - 1)]++;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < inquiries.Count; start += BatchSize)
        {
            var batch = inquiries.GetRange(start, Math.Min(BatchSize, inquiries.Count - start));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Inquiries.AddRange(batch);
            db.AddRange(extras.GetRange(start, batch.Count).SelectMany(e => e));
            db.AddRange(tasks.GetRange(start, batch.Count).OfType<StaffTask>());
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var inquiry = batch[i];
                for (var n = 0; n < notesFor[start + i]; n++)
                {
                    db.Notes.Add(new Note
                    {
                        InquiryId = inquiry.Id,
                        At = Between(random, inquiry.ReceivedAt, Min(now, inquiry.ReceivedAt.AddDays(60))),
                        StaffUserId = Pick(random, team.Coordinators),
                        Text = NoteTexts[random.Number(0, NoteTexts.Length - 1)],
                    });
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new DemoScaleSummary(
            inquiries.Count, inquiries.Count(i => i.IsOpen), attempts, stageChanges, noteCount, emails, consultations,
            tasks.Count(t => t is not null), tasks.Count(t => t?.Status == StaffTaskStatus.Open), watch.Elapsed);
    }

    /// <summary>
    /// The demo team plus every other coordinator and clinician in the database (such as the account a benchmark
    /// signs in with), so that "my inquiries" has rows for them too.
    /// </summary>
    private async Task<DemoTeam> TeamAsync()
    {
        var staff = new List<(string Id, DemoStaffMember Member)>();
        foreach (var role in new[] { StaffRoles.Coordinator, StaffRoles.Clinician })
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                var member = DemoTeam.Members.FirstOrDefault(m => m.Email == user.Email)
                    ?? new DemoStaffMember(user.Email ?? user.Id, user.DisplayName, role, SpeaksSpanish: false);
                staff.Add((user.Id, member));
            }
        }

        return new DemoTeam(staff);
    }

    /// <summary>
    /// A task about one inquiry in four: still open (due from yesterday to the day after tomorrow, for its owner or
    /// any coordinator) while the inquiry is open, otherwise done within a few days of arrival.
    /// </summary>
    private static StaffTask? TaskFor(Inquiry inquiry, DemoTeam team, Randomizer random, DateTime now)
    {
        if (!random.Bool(0.25f))
        {
            return null;
        }

        var open = inquiry.IsOpen;
        var created = Min(now, inquiry.ReceivedAt.AddHours(random.Number(1, 48)));
        var byRole = inquiry.OwnerId is null || random.Bool(0.2f);
        var titles = new[] { "Call back about the referral letter", "Send the information pack", "Chase the imaging report", "Check insurance questions with the person" };
        return new StaffTask
        {
            Title = titles[random.Number(0, titles.Length - 1)],
            Inquiry = inquiry,
            OwnerId = byRole ? null : inquiry.OwnerId,
            OwnerRole = byRole ? StaffRoles.Coordinator : null,
            DueAt = open ? now.AddMinutes(random.Number(-24 * 60, 48 * 60)) : created.AddDays(1),
            Priority = random.Bool(0.2f) ? TaskPriority.High : random.Bool(0.2f) ? TaskPriority.Low : TaskPriority.Normal,
            Status = open ? StaffTaskStatus.Open : random.Bool(0.9f) ? StaffTaskStatus.Done : StaffTaskStatus.Cancelled,
            CreatedAt = created,
            CreatedById = Pick(random, team.Coordinators),
            ClosedAt = open ? null : Min(now, created.AddDays(random.Number(0, 4))),
            ClosedById = open ? null : Pick(random, team.Coordinators),
            Outcome = open ? null : "Done.",
        };
    }

    /// <summary>The confirmation email, and for each booking in the history a consultation and its email.</summary>
    private static List<object> EmailsAndConsultations(
        Inquiry inquiry, DemoTeam team, Randomizer random, HashSet<(string, DateTime)> booked, DateTime now)
    {
        var added = new List<object>();
        if (inquiry.Email is { } address)
        {
            added.Add(Email(inquiry, address, "inquiry-confirmation", "We have your request", inquiry.ReceivedAt.AddSeconds(1), now));
        }

        var changes = inquiry.StageChanges;
        for (var c = 0; c < changes.Count; c++)
        {
            if (changes[c].To != PipelineStage.ConsultationScheduled)
            {
                continue;
            }

            var next = c + 1 < changes.Count ? changes[c + 1] : null;
            var status = next is null ? ConsultationStatus.Booked
                : next.To == PipelineStage.Contacting ? ConsultationStatus.NoShow
                : ConsultationStatus.Completed;
            var clinician = Pick(random, team.Clinicians);
            var startUtc = next?.At.AddMinutes(-60) ?? changes[c].At.AddDays(random.Number(1, 10));
            startUtc = new DateTime(startUtc.Ticks - (startUtc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
            if (status == ConsultationStatus.Booked)
            {
                // One booked consultation per clinician and start, as the database requires.
                while (!booked.Add((clinician, startUtc)))
                {
                    startUtc = startUtc.AddMinutes(30);
                }
            }

            added.Add(new Consultation
            {
                Inquiry = inquiry,
                ClinicianId = clinician,
                StartUtc = startUtc,
                EndUtc = startUtc.AddMinutes(30),
                Mode = random.Bool(0.3f) ? ConsultationMode.Video : ConsultationMode.InPerson,
                Location = "Main clinic",
                Status = status,
                BookedAt = changes[c].At,
                BookedById = changes[c].StaffUserId,
                IcsUid = $"{Guid.NewGuid():N}@scale.spinedesk.invalid",
            });
            if (inquiry.Email is { } to)
            {
                added.Add(Email(inquiry, to, "consultation-confirmation", "Your consultation", changes[c].At.AddSeconds(1), now));
            }
        }

        return added;
    }

    private static OutboxMessage Email(Inquiry inquiry, string to, string kind, string subject, DateTime at, DateTime now) => new()
    {
        Inquiry = inquiry,
        CreatedAt = at,
        Kind = kind,
        ToAddress = to,
        ToName = inquiry.Name,
        Subject = subject,
        TextBody = "A message from the clinic.",
        MessageId = $"<{Guid.NewGuid():N}@scale.spinedesk.invalid>",
        Status = OutboxStatus.Sent,
        AttemptCount = 1,
        NextAttemptAt = at,
        SentAt = Min(now, at.AddMinutes(1)),
    };

    private static string Pick(Randomizer random, IReadOnlyList<string> ids) => ids[random.Number(0, ids.Count - 1)];

    private static DateTime Between(Randomizer random, DateTime from, DateTime to) =>
        to <= from ? from : from.AddSeconds(random.Number(0, (int)Math.Min(int.MaxValue, (to - from).TotalSeconds)));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
