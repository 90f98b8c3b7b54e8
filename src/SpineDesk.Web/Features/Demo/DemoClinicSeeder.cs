using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Demo;

/// <summary>How much demo data to make, from which seed, and whether adding to existing inquiries is wanted.</summary>
public sealed record DemoSeedRequest(int Inquiries, int Seed, bool Append);

/// <summary>What a seeding run added.</summary>
public sealed record DemoSeedSummary(
    int InquiriesAdded,
    int InquiriesInDatabase,
    int Seed,
    int StaffCreated,
    IReadOnlyDictionary<Urgency, int> ByUrgency,
    IReadOnlyDictionary<PipelineStage, int> ByStage)
{
    public string Describe()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Demo clinic seeded: {InquiriesAdded} fictional inquiries added ({InquiriesInDatabase} in the database now), seed {Seed}.");
        text.AppendLine(culture, $"  urgency: {string.Join(", ", ByUrgency.OrderByDescending(p => p.Key).Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value}"))}");
        text.AppendLine(culture, $"  stages:  {string.Join(", ", ByStage.OrderBy(p => p.Key).Select(p => $"{PipelineStateMachine.Describe(p.Key)} {p.Value}"))}");
        text.AppendLine(culture, $"  demo staff: {DemoTeam.Members.Count} coordinators and clinicians ({StaffCreated} new), none of them can sign in.");
        text.Append("Sign in with the administrator you created through the first-start setup link.");
        return text.ToString();
    }
}

/// <summary>The outcome of a seeding run: a summary, or the reason nothing was done.</summary>
public sealed record DemoSeedResult(DemoSeedSummary? Summary, string? Refusal);

/// <summary>
/// Fills the database with a fictional clinic: demo staff without passwords (so they own inquiries but can never
/// sign in) and inquiries whose histories are made through <see cref="PipelineStateMachine"/>, so every
/// timeline is one the app itself could have produced. Everything is written in one transaction.
/// </summary>
public sealed class DemoClinicSeeder(
    SpineDeskDbContext db,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    PhoneNumberReader phones,
    TimeProvider time,
    IOptions<ClinicOptions> clinic)
{
    private const int BatchSize = 250;

    public async Task<DemoSeedResult> SeedAsync(DemoSeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Inquiries is < 1 or > DemoCommand.MaxInquiries)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Inquiries, $"Between 1 and {DemoCommand.MaxInquiries} inquiries.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Inquiries.CountAsync(cancellationToken);
        if (existing > 0 && !request.Append)
        {
            return new DemoSeedResult(null,
                $"The database already has {existing} inquiries, so no demo data was added. Add --append to add demo inquiries to them, or start from an empty database.");
        }

        var (team, created) = await EnsureTeamAsync(cancellationToken);
        var generator = new DemoInquiryGenerator(request.Seed, time.GetUtcNow().UtcDateTime, team, phones, ClinicTimeZone());
        var inquiries = generator.Create(request.Inquiries);
        var tasks = DemoRecords.Add(inquiries, team, request.Seed, time.GetUtcNow().UtcDateTime).ToLookup(t => t.Inquiry!);

        foreach (var batch in inquiries.Chunk(BatchSize))
        {
            db.Inquiries.AddRange(batch);
            db.Tasks.AddRange(batch.SelectMany(i => tasks[i]));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return new DemoSeedResult(new DemoSeedSummary(
            inquiries.Count,
            existing + inquiries.Count,
            request.Seed,
            created,
            inquiries.GroupBy(i => i.Urgency).ToDictionary(g => g.Key, g => g.Count()),
            inquiries.GroupBy(i => i.Stage).ToDictionary(g => g.Key, g => g.Count())), null);
    }

    /// <summary>Finds or creates the demo staff. They are created with no password at all, never a default one.</summary>
    internal async Task<(DemoTeam Team, int Created)> EnsureTeamAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        var ids = new List<(string Id, DemoStaffMember Member)>();
        foreach (var member in DemoTeam.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(member.Role))
            {
                Check(await roles.CreateAsync(new IdentityRole(member.Role)));
            }

            var user = await users.FindByNameAsync(member.Email);
            if (user is null)
            {
                user = new StaffUser
                {
                    UserName = member.Email,
                    Email = member.Email,
                    DisplayName = member.DisplayName,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                };
                Check(await users.CreateAsync(user));
                Check(await users.AddToRoleAsync(user, member.Role));
                created++;
            }

            ids.Add((user.Id, member));
        }

        return (new DemoTeam(ids), created);
    }

    internal TimeZoneInfo ClinicTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(clinic.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo staff: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
