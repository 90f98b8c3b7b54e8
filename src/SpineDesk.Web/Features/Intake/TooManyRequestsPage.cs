using System.Net;
using Microsoft.Extensions.Options;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Intake;

/// <summary>
/// The friendly page shown when one address sends too many forms. It is written directly because the
/// rate limiter answers before the page pipeline runs.
/// </summary>
internal static class TooManyRequestsPage
{
    public static string Html(HttpContext context)
    {
        var clinic = context.RequestServices.GetRequiredService<IOptions<ClinicOptions>>().Value;
        var name = WebUtility.HtmlEncode(clinic.Name);
        var phone = WebUtility.HtmlEncode(clinic.Phone);
        var emergency = WebUtility.HtmlEncode(clinic.EmergencyNumber);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Please wait a few minutes – {{name}}</title>
            <link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/theme.css"></head>
            <body>
            <main id="main" class="container">
            <div class="alert alert-warning" role="alert">
            <h1>Please wait a few minutes</h1>
            <p>We have received several forms from your connection in a short time, so we have paused new ones for a few minutes.
            If you already sent your request, it has reached us: there is no need to send it again.</p>
            <p>To talk to us now, call <a href="tel:{{phone.Replace(" ", "", StringComparison.Ordinal)}}">{{phone}}</a>.</p>
            <p>In an emergency call <strong>{{emergency}}</strong> or go to the nearest emergency department.</p>
            </div>
            <p><a href="/">Back to the home page</a></p>
            </main>
            </body></html>
            """;
    }
}
