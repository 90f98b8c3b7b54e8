using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SpineDesk.Data;
using SpineDesk.Web.Features.Questionnaires;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// The questionnaire packs the self-assessment shows, read from the <c>QuestionnairePacks</c> table: the current
/// version of a key for a new response, the exact version for one already started. A version never changes once
/// imported, so its parsed form is cached by id and content hash. This is the one place the self-assessment
/// reads packs; parsing is the pack library's (<see cref="ParsedPackCache"/>), this adds the form the renderer needs.
/// </summary>
public sealed class SelfAssessmentPacks(SpineDeskDbContext db, IMemoryCache cache, ParsedPackCache parsed)
{
    /// <summary>The exact versions of several responses, by pack id, in one query.</summary>
    public async Task<IReadOnlyDictionary<int, QuestionnaireForm>> ByIdsAsync(IReadOnlyCollection<int> packIds, CancellationToken cancellationToken)
    {
        var rows = await db.QuestionnairePacks.AsNoTracking()
            .Where(p => packIds.Contains(p.Id))
            .Select(p => new { p.Id, p.JsonHash })
            .ToListAsync(cancellationToken);
        var forms = new Dictionary<int, QuestionnaireForm>();
        foreach (var row in rows)
        {
            forms[row.Id] = await FormAsync(row.Id, row.JsonHash, cancellationToken);
        }

        return forms;
    }

    /// <summary>
    /// In one query, the form of each key: the version of <paramref name="answeredPackIds"/> where the person has
    /// already answered that pack (so a response stays with its version), otherwise the current version. Keys
    /// with no version imported are left out.
    /// </summary>
    public async Task<IReadOnlyList<QuestionnaireForm>> ForKeysAsync(
        IReadOnlyCollection<string> keys, IReadOnlyCollection<int> answeredPackIds, CancellationToken cancellationToken)
    {
        var rows = await db.QuestionnairePacks.AsNoTracking()
            .Where(p => answeredPackIds.Contains(p.Id) || (p.IsCurrent && keys.Contains(p.Key)))
            .Select(p => new { p.Id, p.Key, p.JsonHash, p.IsCurrent })
            .ToListAsync(cancellationToken);
        var forms = new List<QuestionnaireForm>();
        foreach (var key in keys)
        {
            var row = rows.Where(r => r.Key == key).OrderByDescending(r => answeredPackIds.Contains(r.Id)).ThenByDescending(r => r.Id).FirstOrDefault();
            if (row is not null)
            {
                forms.Add(await FormAsync(row.Id, row.JsonHash, cancellationToken));
            }
        }

        return forms;
    }

    private async Task<QuestionnaireForm> FormAsync(int id, string hash, CancellationToken cancellationToken)
    {
        var cacheKey = (typeof(SelfAssessmentPacks), id, hash);
        if (cache.TryGetValue(cacheKey, out QuestionnaireForm? form) && form is not null)
        {
            return form;
        }

        var pack = await db.QuestionnairePacks.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        form = QuestionnaireFormReader.Read(pack, parsed.GetOrParse(pack.JsonHash, pack.Json).Questionnaire);
        cache.Set(cacheKey, form, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
        return form;
    }
}
