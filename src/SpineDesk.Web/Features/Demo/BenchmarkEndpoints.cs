using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Demo;

/// <summary>
/// The baseline for bench/contact-load.sh: an endpoint that stores one inquiry row of the same size as a real
/// contact request, through the same DbContext and SQLite settings (WAL, synchronous=FULL), with none of the
/// real path's work (antiforgery, validation, red-flag screen, duplicate check, outbox, redirect). The ratio of
/// the two shows what the real path costs. Mapped only when <c>Benchmark:Enabled</c> is true, never otherwise.
/// </summary>
public static class BenchmarkEndpoints
{
    public const string EnabledKey = "Benchmark:Enabled";

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>(EnabledKey))
        {
            return app;
        }

        app.Logger.LogWarning("{Key} is true: the unauthenticated benchmark endpoint POST /bench/bare-insert is mapped. Never use this setting in a clinic.", EnabledKey);
        app.MapPost("/bench/bare-insert", BareInsertAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> BareInsertAsync(HttpRequest request, SpineDeskDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        db.Inquiries.Add(new Inquiry
        {
            ReferenceNumber = ReferenceNumbers.New(),
            SubmissionKey = Guid.NewGuid(),
            ReceivedAt = time.GetUtcNow().UtcDateTime,
            Name = form["Form.Name"].ToString(),
            Phone = form["Form.Phone"].ToString(),
            Email = form["Form.Email"].ToString(),
            PreferredContactMethod = ContactMethod.Phone,
            PreferredContactTime = ContactTime.Morning,
            Language = form["Form.Language"].ToString(),
            ConsentToContact = true,
            Message = form["Form.Message"].ToString(),
            Urgency = Urgency.Routine,
            Stage = PipelineStage.New,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
