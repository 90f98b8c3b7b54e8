using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Outbox;

/// <summary>With no SMTP server configured, the app's timed sender writes each email as an .eml file.</summary>
public abstract class PickupFolderTests(TestDatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task Without_an_SMTP_server_the_confirmation_is_written_to_the_pickup_folder()
    {
        Assert.False(Directory.Exists(App.PickupFolder), "The folder is created when the first message is written.");
        var address = OutboxTestSupport.UniqueAddress("maria");

        var reference = await App.SubmitContactRequestAsync(address);

        var message = await OutboxTestSupport.EventuallyAsync(
            () => App.MessageToAsync(address), m => m.Status != OutboxStatus.Pending, "the message to be written");
        Assert.Equal(OutboxStatus.Sent, message.Status);
        var attempt = Assert.Single(message.Attempts);
        Assert.True(attempt.Succeeded);
        Assert.Equal("pickup", attempt.Transport);

        var file = Assert.Single(Directory.GetFiles(App.PickupFolder));
        Assert.Equal(message.MessageId + ".eml", Path.GetFileName(file));
        var mime = await MimeMessage.LoadAsync(file);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(mime.To));
        Assert.Equal(address, to.Address);
        Assert.Equal("Maria Lopez", to.Name);
        Assert.Contains(reference, mime.Subject, StringComparison.Ordinal);
        Assert.Contains(reference, mime.TextBody, StringComparison.Ordinal);
        Assert.Equal(message.MessageId, mime.MessageId);
    }

    [Fact]
    public async Task Writing_the_same_message_again_replaces_its_file()
    {
        var address = OutboxTestSupport.UniqueAddress("again");
        await App.EnqueueAsync(outbox => outbox.Enqueue("test", address, "Ana", "Hello", "Text"));
        var message = await OutboxTestSupport.EventuallyAsync(
            () => App.MessageToAsync(address), m => m.Status == OutboxStatus.Sent, "the message to be written");

        // As after a crash between writing the file and recording it: the message is due again.
        await App.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending)));
        await OutboxTestSupport.EventuallyAsync(
            () => App.MessageAsync(message.Id), m => m.Status == OutboxStatus.Sent && m.Attempts.Count == 2, "the second write");

        var file = Assert.Single(Directory.GetFiles(App.PickupFolder));
        Assert.Equal(message.MessageId + ".eml", Path.GetFileName(file));
    }

    [Fact]
    public void A_relative_pickup_folder_is_under_the_content_root()
    {
        var environment = App.Services.GetRequiredService<IHostEnvironment>();
        var sender = ActivatorUtilities.CreateInstance<OutboxSender>(App.Services, Options.Create(new EmailOptions { PickupFolder = "data/mail-pickup" }));

        Assert.Equal(Path.Combine(environment.ContentRootPath, "data", "mail-pickup"), sender.PickupFolder());
    }
}

public sealed class PickupFolderOnSqlite() : PickupFolderTests(TestDatabaseKind.Sqlite);

public sealed class PickupFolderOnPostgres() : PickupFolderTests(TestDatabaseKind.Postgres);
