using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Questionnaires;

public sealed record PackListRow(int Id, string Key, string Title, string Version, bool IsCurrent, bool HasPlaceholderWording, string Source, DateTime ImportedAt, string? ImportedBy);

/// <summary>The questionnaire packs and their versions; an administrator imports a new version by upload.</summary>
[Authorize(Policy = StaffPolicies.Administration)]
// The form limit sits above the pack limit so that a slightly large file gets a clear message, not a bare 400.
[RequestFormLimits(MultipartBodyLengthLimit = 2 * PackFormat.MaxFileBytes)]
[RequestSizeLimit(2 * PackFormat.MaxFileBytes + 64 * 1024)]
public sealed class PacksModel(SpineDeskDbContext db, QuestionnairePackImporter importer) : PageModel
{
    public IReadOnlyList<PackListRow> Packs { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Why the uploaded file was not imported, one message per problem.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            return await RefuseAsync(["Choose a questionnaire pack file (FHIR Questionnaire JSON) to import."], cancellationToken);
        }

        if (Upload.Length > PackFormat.MaxFileBytes)
        {
            return await RefuseAsync([string.Create(CultureInfo.InvariantCulture, $"The file is {(Upload.Length + 1023) / 1024:N0} KB; a questionnaire pack may be at most {PackFormat.MaxFileBytes / 1024:N0} KB.")], cancellationToken);
        }

        string json;
        using (var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        var result = await importer.ImportAsync(json, PackFormat.UploadSource, User.FindFirstValue(ClaimTypes.NameIdentifier), Upload.FileName, cancellationToken);
        switch (result.Outcome)
        {
            case PackImportOutcome.Refused:
                return await RefuseAsync(result.Errors, cancellationToken);
            case PackImportOutcome.Unchanged:
                Status = $"This file is already imported as {result.Pack!.Key} version {result.Pack.Version}; nothing was changed.";
                return RedirectToPage();
            default:
                var pack = result.Pack!;
                Status = $"Imported {pack.Key} version {pack.Version}. It is now the current version"
                    + (result.ReplacedPlaceholders ? ", and the licensed wording replaces the placeholders" : "")
                    + ". Responses already given keep the version they answered.";
                return RedirectToPage();
        }
    }

    /// <summary>The exact JSON of a version, to keep or to edit into a new version.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken cancellationToken)
    {
        var pack = await db.QuestionnairePacks.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.Key, p.Version, p.Json })
            .FirstOrDefaultAsync(cancellationToken);
        if (pack is null)
        {
            return NotFound();
        }

        var version = new string([.. pack.Version.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        return File(Encoding.UTF8.GetBytes(pack.Json), "application/fhir+json", $"{pack.Key}-{version}.json");
    }

    private async Task<PageResult> RefuseAsync(IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Packs = await db.QuestionnairePacks.AsNoTracking()
            .OrderBy(p => p.Key)
            .ThenByDescending(p => p.Id)
            .Select(p => new PackListRow(
                p.Id,
                p.Key,
                p.Title,
                p.Version,
                p.IsCurrent,
                p.HasPlaceholderWording,
                p.Source,
                p.ImportedAt,
                db.Users.Where(u => u.Id == p.ImportedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public static string SizeLimit => (PackFormat.MaxFileBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB";
}
