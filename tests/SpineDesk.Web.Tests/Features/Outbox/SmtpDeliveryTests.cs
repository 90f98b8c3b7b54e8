using SpineDesk.Data.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Outbox;

/// <summary>The app's own timed sender delivers to a real SMTP server (MailDev) over a loopback socket.</summary>
public abstract class SmtpDeliveryTests(TestDatabaseKind kind) : AppTest(kind)
{
    private MailDevServer _mail = null!;

    public override async ValueTask InitializeAsync()
    {
        _mail = await MailDevServer.GetAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        _mail.Configure(settings);
        settings["Email:FromAddress"] = "desk@spine-clinic.test";
        settings["Email:FromName"] = "Test Spine Clinic";
    }

    [Fact]
    public async Task The_confirmation_email_arrives_at_the_SMTP_server()
    {
        var address = OutboxTestSupport.UniqueAddress("maria");

        var reference = await App.SubmitContactRequestAsync(address);

        var mail = Assert.Single(await _mail.WaitForMessagesToAsync(address));
        Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(reference, mail.Text, StringComparison.Ordinal);
        Assert.Contains("Dear Maria Lopez,", mail.Text, StringComparison.Ordinal);
        Assert.Equal([(address, "Maria Lopez")], mail.To);
        Assert.Equal("desk@spine-clinic.test", mail.FromAddress);
        Assert.Null(mail.Html);

        var message = await OutboxTestSupport.EventuallyAsync(
            () => App.MessageToAsync(address), m => m.Status != OutboxStatus.Pending, "the outbox row to be marked sent");
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal($"<{message.MessageId}>", mail.MessageId);
        Assert.NotNull(message.SentAt);
        Assert.Equal(1, message.AttemptCount);
        Assert.Null(message.LastError);
        Assert.Null(message.LeaseToken);
        Assert.Null(message.LeasedUntil);
        var attempt = Assert.Single(message.Attempts);
        Assert.True(attempt.Succeeded);
        Assert.Equal("smtp", attempt.Transport);
        Assert.Null(attempt.Error);
    }

    [Fact]
    public async Task A_message_with_an_HTML_body_arrives_with_both_parts()
    {
        var address = OutboxTestSupport.UniqueAddress("html");
        await App.EnqueueAsync(outbox => outbox.Enqueue("test", address, null, "Your questionnaire", "Plain words.", "<p>Plain <strong>words</strong>.</p>"));

        var mail = Assert.Single(await _mail.WaitForMessagesToAsync(address));

        Assert.Equal("Your questionnaire", mail.Subject);
        Assert.Contains("Plain words.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<strong>words</strong>", mail.Html, StringComparison.Ordinal);
    }
}

public sealed class SmtpDeliveryOnSqlite() : SmtpDeliveryTests(TestDatabaseKind.Sqlite);

public sealed class SmtpDeliveryOnPostgres() : SmtpDeliveryTests(TestDatabaseKind.Postgres);
