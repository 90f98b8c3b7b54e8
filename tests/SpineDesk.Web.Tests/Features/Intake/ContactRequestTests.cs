using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Intake;

public abstract class ContactRequestTests(TestDatabaseKind kind) : AppTest(kind)
{
    internal static List<(string, string)> ValidForm(string phone = "(212) 555-0143", string? email = "maria@example.com") =>
    [
        ("Form.Name", "Maria Lopez"),
        ("Form.Phone", phone),
        ("Form.Email", email ?? ""),
        ("Form.PreferredContactMethod", "Phone"),
        ("Form.PreferredContactTime", "Morning"),
        ("Form.Language", "es"),
        ("Form.Message", "Low back pain for two years, worse when sitting."),
        ("Form.ConsentToContact", "true"),
    ];

    [Fact]
    public async Task A_valid_request_is_stored_with_a_reference_and_a_normalized_phone()
    {
        var client = App.CreateBrowser();

        var response = await client.SubmitFormAsync("/contact", ValidForm());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/contact/received?reference=SD-", location, StringComparison.Ordinal);
        var inquiry = await App.WithDbAsync(db => db.Inquiries.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Maria Lopez", inquiry.Name);
        Assert.Equal("+12125550143", inquiry.Phone);
        Assert.Equal("maria@example.com", inquiry.Email);
        Assert.Equal("es", inquiry.Language);
        Assert.Equal(Urgency.Routine, inquiry.Urgency);
        Assert.Equal(PipelineStage.New, inquiry.Stage);
        Assert.Matches("^SD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", inquiry.ReferenceNumber);
        Assert.NotEqual(inquiry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), inquiry.ReferenceNumber);

        var page = await client.GetDocumentAsync(location);
        Assert.Equal(inquiry.ReferenceNumber, page.QuerySelector("#reference-number")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_valid_request_queues_a_confirmation_email_with_the_reference()
    {
        var client = App.CreateBrowser();
        await client.SubmitFormAsync("/contact", ValidForm());

        var (inquiry, message) = await App.WithDbAsync(async db =>
            (await db.Inquiries.SingleAsync(), await db.OutboxMessages.SingleAsync()));
        Assert.Equal("inquiry-confirmation", message.Kind);
        Assert.Equal("maria@example.com", message.ToAddress);
        Assert.Equal(inquiry.Id, message.InquiryId);
        Assert.Contains(inquiry.ReferenceNumber, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(inquiry.ReferenceNumber, message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_email_address_nothing_is_queued()
    {
        var client = App.CreateBrowser();
        await client.SubmitFormAsync("/contact", ValidForm(email: null));

        Assert.Equal(1, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    public static TheoryData<RedFlagSign[], Urgency> RedFlagCases => new()
    {
        { [RedFlagSign.NewBladderOrBowelProblem], Urgency.Emergency },
        { [RedFlagSign.SaddleNumbness], Urgency.Emergency },
        { [RedFlagSign.SciaticaBothLegs], Urgency.Emergency },
        { [RedFlagSign.RapidlyWorseningLegWeakness], Urgency.Emergency },
        { [RedFlagSign.CancerHistoryWithNewBackPain], Urgency.Urgent },
        { [RedFlagSign.UnexplainedWeightLoss, RedFlagSign.NeurologicalSymptoms], Urgency.Emergency },
        { [RedFlagSign.Fever], Urgency.Urgent },
        { [RedFlagSign.IntravenousDrugUse], Urgency.Urgent },
        { [RedFlagSign.SignificantTrauma], Urgency.Urgent },
        { [RedFlagSign.LongTermSteroidUse], Urgency.Urgent },
        { [RedFlagSign.MorningStiffnessImprovingWithExercise], Urgency.Routine },
        { [], Urgency.Routine },
    };

    [Theory]
    [MemberData(nameof(RedFlagCases))]
    public async Task Each_red_flag_category_gives_its_urgency(RedFlagSign[] signs, Urgency expected)
    {
        var client = App.CreateBrowser();
        var form = ValidForm();
        form.AddRange(signs.Select(s => ("Form.RedFlags", s.ToString())));

        var response = await client.SubmitFormAsync("/contact", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inquiry = await App.WithDbAsync(db => db.Inquiries.SingleAsync());
        Assert.Equal(expected, inquiry.Urgency);
        Assert.Equal(signs.Order(), inquiry.RedFlags);
        var location = response.Headers.Location!.OriginalString;
        if (expected == Urgency.Emergency)
        {
            Assert.StartsWith("/emergency?reference=", location, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("/contact/received", location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_emergency_page_says_go_to_an_emergency_department_first()
    {
        var client = App.CreateBrowser();
        var form = ValidForm();
        form.Add(("Form.RedFlags", nameof(RedFlagSign.SaddleNumbness)));
        var response = await client.SubmitFormAsync("/contact", form);

        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        var main = page.QuerySelector("main")!;
        var firstHeading = main.QuerySelector("h1, h2")!;
        Assert.Equal("Go to an emergency department now", firstHeading.TextContent.Trim());
        Assert.Equal("alert", firstHeading.ParentElement!.GetAttribute("role"));
        Assert.Contains("911", main.QuerySelector(".alert-emergency")!.TextContent, StringComparison.Ordinal);
        var inquiry = await App.WithDbAsync(db => db.Inquiries.SingleAsync());
        Assert.Equal(inquiry.ReferenceNumber, page.QuerySelector("#reference-number")!.TextContent.Trim());
    }

    [Fact]
    public async Task Emergency_advice_comes_first_even_when_the_rest_of_the_form_is_wrong()
    {
        var client = App.CreateBrowser();
        var form = ValidForm(phone: "12");
        form.Add(("Form.RedFlags", nameof(RedFlagSign.NewBladderOrBowelProblem)));

        var response = await client.SubmitFormAsync("/contact", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var first = page.QuerySelector("main")!.FirstElementChild!;
        Assert.Contains("alert-emergency", first.ClassName, StringComparison.Ordinal);
        Assert.Contains("Go to an emergency department now", first.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "Form.Phone", "12", "Phone" },
        { "Form.Phone", "", "Phone" },
        { "Form.Phone", "call me maybe", "Phone" },
        { "Form.Email", "maria.example.com", "Email" },
        { "Form.Email", "maria@localhost", "Email" },
        { "Form.ConsentToContact", "false", "ConsentToContact" },
        { "Form.Name", "", "Name" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Bad_input_gives_a_field_message_and_stores_nothing(string field, string value, string errorId)
    {
        var client = App.CreateBrowser();
        var form = ValidForm().Where(f => f.Item1 != field).Append((field, value)).ToList();

        var response = await client.SubmitFormAsync("/contact", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var message = page.QuerySelector($"#{errorId}-error");
        Assert.NotNull(message);
        Assert.False(string.IsNullOrWhiteSpace(message.TextContent));
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{errorId}']"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        // What the person typed is kept so they only fix the one field.
        if (field != "Form.Name")
        {
            Assert.Equal("Maria Lopez", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Name")!).Value);
        }
    }

    [Fact]
    public async Task A_repeated_submission_creates_one_inquiry()
    {
        var client = App.CreateBrowser();
        var document = await client.GetDocumentAsync("/contact");

        var first = await client.SubmitFormAsync(document, ValidForm(), "main form[method=post]", "/contact");
        var second = await client.SubmitFormAsync(document, ValidForm(), "main form[method=post]", "/contact");
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.SubmitFormAsync(document, ValidForm(), "main form[method=post]", "/contact")));

        Assert.Equal(1, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sent)));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.All(concurrent, r => Assert.Equal(first.Headers.Location, r.Headers.Location));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = App.CreateBrowser();
        using var content = new FormUrlEncodedContent(ValidForm().Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

        var response = await client.PostAsync(new Uri("/contact", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/understanding-back-pain")]
    [InlineData("/treatment-options")]
    [InlineData("/cell-based-treatment")]
    [InlineData("/contact")]
    [InlineData("/emergency")]
    public async Task Public_pages_answer_with_a_strict_content_security_policy(string url)
    {
        var response = await App.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }
}

public sealed class ContactRequestOnSqlite() : ContactRequestTests(TestDatabaseKind.Sqlite);

public sealed class ContactRequestOnPostgres() : ContactRequestTests(TestDatabaseKind.Postgres);

public abstract class ContactRateLimitTests(TestDatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Intake:RateLimitPermits"] = "3";

    [Fact]
    public async Task Too_many_submissions_from_one_address_get_a_friendly_page()
    {
        var client = App.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            var accepted = await client.SubmitFormAsync("/contact", ContactRequestTests.ValidForm());
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var refused = await client.SubmitFormAsync("/contact", ContactRequestTests.ValidForm());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var page = await Forms.ParseAsync(refused);
        Assert.Equal("Please wait a few minutes", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(3, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        // Reading pages is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/contact", UriKind.Relative))).StatusCode);
    }
}

public sealed class ContactRateLimitOnSqlite() : ContactRateLimitTests(TestDatabaseKind.Sqlite);

public sealed class ContactRateLimitOnPostgres() : ContactRateLimitTests(TestDatabaseKind.Postgres);
