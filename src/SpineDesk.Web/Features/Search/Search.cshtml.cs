using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Search;

/// <summary>
/// Finding people: one box and a few filters, sent with GET so that a search is a link and the page works
/// without JavaScript. Each search is audited by its kind, never by its text.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class SearchModel(SpineDeskDbContext db, InquirySearch search, AuditLog audit, ClinicClock clock, PhoneNumberReader phones, ClinicCadence cadence) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Urgency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool Searched { get; private set; }

    public SearchKind Kind { get; private set; }

    public IReadOnlyList<SearchRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<StaffChoice> Coordinators { get; private set; } = [];

    /// <summary>Problems with the filters, keyed by the id of the field they concern.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public ClinicClock Clock => clock;

    public string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public string PhoneDisplay(string e164) => phones.Display(e164);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Coordinators = await InquiryPageData.CoordinatorsQuery(db)
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);

        PipelineStage? stage = null;
        if (!string.IsNullOrEmpty(Stage))
        {
            if (InquiryWords.TryParseName<PipelineStage>(Stage, out var s)) { stage = s; }
            else { Errors["stage"] = "Choose a stage from the list."; }
        }

        Urgency? urgency = null;
        if (!string.IsNullOrEmpty(Urgency))
        {
            if (InquiryWords.TryParseName<Urgency>(Urgency, out var u)) { urgency = u; }
            else { Errors["urgency"] = "Choose an urgency from the list."; }
        }

        if (Text is { Length: > 200 })
        {
            Errors["q"] = "Search for at most 200 characters: a name, phone number, email address or reference.";
        }

        var criteria = new SearchCriteria(Text, stage, urgency, Owner, Overdue);
        if (Errors.Count > 0 || criteria.IsEmpty)
        {
            Response.StatusCode = Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            return Page();
        }

        var (query, kind) = search.Build(criteria);
        Kind = kind;
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await InquirySearch.PageAsync(query, PageNumber, PageSize, cancellationToken);
        Searched = true;

        // The kind and the filters, not the text: what was typed may be a patient's name or number.
        audit.Add("search", "Search", "inquiries", Describe(criteria, kind, Total));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Text,
            ["stage"] = Stage,
            ["urgency"] = Urgency,
            ["owner"] = Owner,
            ["overdue"] = Overdue ? "true" : null,
            ["p"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/staff/search", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public bool IsOverdue(SearchRow row) =>
        row.Stage is PipelineStage.New or PipelineStage.Contacting
        && ((row.NextAttemptAt is { } next && next <= clock.UtcNow)
            || (row.FirstContactAttemptAt is null && cadence.FirstContactDeadline(row.Urgency, row.ReceivedAt) <= clock.UtcNow));

    private static string Describe(SearchCriteria criteria, SearchKind kind, int total)
    {
        var parts = new List<string> { $"Kind: {kind}" };
        if (criteria.Stage is { } stage) { parts.Add($"stage: {stage}"); }
        if (criteria.Urgency is { } urgency) { parts.Add($"urgency: {urgency}"); }
        if (!string.IsNullOrEmpty(criteria.Owner)) { parts.Add($"owner: {criteria.Owner}"); }
        if (criteria.Overdue) { parts.Add("overdue"); }
        parts.Add($"{total} found");
        return string.Join("; ", parts);
    }
}
