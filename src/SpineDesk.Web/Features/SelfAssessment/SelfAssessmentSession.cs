using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpineDesk.Data;
using Assessment = SpineDesk.Data.Questionnaires.SelfAssessment;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// Finds the self-assessment of this browser. The browser holds a random token in a session cookie (HttpOnly,
/// SameSite=Lax, Secure over HTTPS, path /self-assessment); the database holds only its SHA-256 hash. Nothing is
/// kept in server memory, so any app instance can continue a self-assessment.
/// </summary>
public sealed class SelfAssessmentSession(SpineDeskDbContext db, TimeProvider time, IOptions<SelfAssessmentOptions> options)
{
    public const string CookieName = "SpineDesk.SelfAssessment";
    public const string CookiePath = "/self-assessment";

    /// <summary>
    /// The browser's self-assessment with its responses, tracked for changes; null when there is none, it has
    /// been sent, or it was last touched longer ago than <see cref="SelfAssessmentOptions.ResumeWithin"/>.
    /// </summary>
    public async Task<Assessment?> FindAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var since = time.GetUtcNow().UtcDateTime - options.Value.ResumeWithin;
        return await db.SelfAssessments
            .Include(a => a.Responses)
            .Where(a => a.TokenHash == hash && a.InquiryId == null && a.UpdatedAt >= since)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Starts a self-assessment for this browser (added to the context, saved by the caller) and sets its cookie.</summary>
    public Assessment Start(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(),
            TokenHash = Hash(token),
            StartedAt = now,
            UpdatedAt = now,
        };
        db.SelfAssessments.Add(assessment);
        http.Response.Cookies.Append(CookieName, token, CookieOptions(http));
        return assessment;
    }

    /// <summary>Forgets this browser's self-assessment: after it was sent, or to start again.</summary>
    public static void End(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName, CookieOptions(http));
    }

    /// <summary>Deletes a self-assessment that was never sent, with its responses and scores.</summary>
    public async Task DeleteUnsentAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.ScoreObservations
            .Where(s => db.QuestionnaireResponses.Any(r => r.Id == s.ResponseId && r.SelfAssessmentId == id && r.InquiryId == null))
            .ExecuteDeleteAsync(cancellationToken);
        await db.QuestionnaireResponses.Where(r => r.SelfAssessmentId == id && r.InquiryId == null).ExecuteDeleteAsync(cancellationToken);
        await db.SelfAssessments.Where(a => a.Id == id && a.InquiryId == null).ExecuteDeleteAsync(cancellationToken);
    }

    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        Path = CookiePath,
        IsEssential = true,
    };

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
