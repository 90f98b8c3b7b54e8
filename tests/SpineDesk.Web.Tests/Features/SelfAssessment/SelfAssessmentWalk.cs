using System.Net;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.SelfAssessment;

/// <summary>
/// A person going through the self-assessment over HTTP with the <see cref="TestPacks"/>: each step posts the
/// page's own form (antiforgery token included) and checks where it leads.
/// </summary>
public sealed class SelfAssessmentWalk(HttpClient client)
{
    public const string Safety = "/self-assessment/safety";
    public const string PainIntensity = "/self-assessment/questions/pain-intensity/1";
    public const string PainDrawing = "/self-assessment/pain-drawing";
    public const string OdiPart1 = "/self-assessment/questions/odi-2.1a/1";
    public const string OdiPart2 = "/self-assessment/questions/odi-2.1a/2";
    public const string StartBackPart1 = "/self-assessment/questions/startback-9/1";
    public const string StartBackPart2 = "/self-assessment/questions/startback-9/2";
    public const string HistoryPart1 = "/self-assessment/questions/pain-history/1";
    public const string HistoryPart2 = "/self-assessment/questions/pain-history/2";
    public const string Summary = "/self-assessment/summary";
    public const string Contact = "/self-assessment/contact";

    /// <summary>The Oswestry vector of DESIGN.md §4.1 that scores 36.</summary>
    public static readonly int[] Odi36 = [2, 1, 2, 1, 2, 2, 1, 2, 3, 2];

    public HttpClient Client => client;

    /// <summary>Posts the form of <paramref name="page"/> and asserts it redirects to <paramref name="expected"/>.</summary>
    public async Task<string> StepAsync(string page, string expected, params (string Name, string Value)[] values)
    {
        var response = await client.SubmitFormAsync(page, values);
        var body = response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {page} answered {(int)response.StatusCode}, not a redirect: {Excerpt(body)}");
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal(expected, location);
        return location;
    }

    public Task SafetyAsync(params string[] redFlags) =>
        StepAsync(Safety, PainIntensity, [.. redFlags.Select(f => ("redFlags", f))]);

    public Task PainAsync(int back = 6, int? leg = 3) =>
        StepAsync(PainIntensity, PainDrawing, [("q-back-pain-nrs", Text(back)), .. leg is { } l ? [("q-leg-pain-nrs", Text(l))] : Array.Empty<(string, string)>()]);

    public Task DrawingAsync(params string[] regions) =>
        StepAsync(PainDrawing, OdiPart1, [.. regions.Select(r => ("regions", r))]);

    public async Task OdiAsync(int[] sections)
    {
        await StepAsync(OdiPart1, OdiPart2, [.. Enumerable.Range(1, 5).Select(n => ($"q-odi-{n}", Text(sections[n - 1])))]);
        await StepAsync(OdiPart2, StartBackPart1, [.. Enumerable.Range(6, 5).Select(n => ($"q-odi-{n}", Text(sections[n - 1])))]);
    }

    /// <summary>STarT Back items 1–8 (0 disagree, 1 agree) and item 9 (0–4).</summary>
    public async Task StartBackAsync(int[] firstEight, int ninth)
    {
        await StepAsync(StartBackPart1, StartBackPart2, [.. Enumerable.Range(1, 8).Select(n => ($"q-startback-{n}", Text(firstEight[n - 1])))]);
        await StepAsync(StartBackPart2, HistoryPart1, ("q-startback-9", Text(ninth)));
    }

    public async Task HistoryAsync()
    {
        await StepAsync(HistoryPart1, HistoryPart2, ("q-pain-duration", "long"));
        await StepAsync(HistoryPart2, Summary,
            ("q-treatments-tried", "physical-therapy"), ("q-treatments-tried", "medication"), ("q-treatments-tried", "other"),
            ("q-treatments-other", "Acupuncture"), ("q-goals", "Walk the dog again without stopping"));
    }

    /// <summary>Sends the contact details; returns where the person is sent (received or emergency page).</summary>
    public async Task<string> ContactAsync()
    {
        var response = await client.SubmitFormAsync(Contact, Intake.ContactRequestTests.ValidForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The whole self-assessment with the given answers, to the page shown after sending.</summary>
    public async Task<string> CompleteAsync(int[]? odi = null, int[]? startBackFirstEight = null, int startBackNinth = 4, params string[] redFlags)
    {
        await SafetyAsync(redFlags);
        await PainAsync();
        await DrawingAsync("low-back-centre", "buttock-left", "thigh-left", "lower-leg-left");
        await OdiAsync(odi ?? Odi36);
        await StartBackAsync(startBackFirstEight ?? [1, 1, 1, 1, 1, 1, 1, 1], startBackNinth);
        await HistoryAsync();
        Assert.True((await client.GetAsync(new Uri(Summary, UriKind.Relative))).IsSuccessStatusCode);
        return await ContactAsync();
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Excerpt(string body)
    {
        var start = body.IndexOf("<main", StringComparison.Ordinal);
        var text = start < 0 ? body : body[start..];
        return text.Length <= 1500 ? text : text[..1500];
    }
}
