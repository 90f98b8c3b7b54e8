using System.Runtime.ExceptionServices;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SpineDesk.Web.Features.Outbox;

/// <summary>Where the outbox hands a message over: an SMTP server, or the pickup folder.</summary>
internal interface IMailTransport : IAsyncDisposable
{
    /// <summary>"smtp" or "pickup", as recorded on each <see cref="SpineDesk.Data.Outbox.OutboxAttempt"/>.</summary>
    string Name { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends through the configured SMTP server with MailKit, over one connection for a batch. The connection is
/// opened on the first message; if it cannot be opened, the rest of the batch fails with the same error
/// rather than each message waiting out its own timeout.
/// </summary>
internal sealed class SmtpTransport(string host, EmailOptions options, TimeSpan timeout) : IMailTransport
{
    private readonly SmtpClient _client = new() { Timeout = (int)timeout.TotalMilliseconds };
    private ExceptionDispatchInfo? _connectFailure;

    public string Name => "smtp";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        await _client.SendAsync(message, cancellationToken);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        _connectFailure?.Throw();
        try
        {
            await _client.ConnectAsync(host, options.SmtpPort, SecurityOf(options), cancellationToken);
            if (!string.IsNullOrEmpty(options.SmtpUserName))
            {
                await _client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _connectFailure = ExceptionDispatchInfo.Capture(ex);
            throw;
        }
    }

    internal static SecureSocketOptions SecurityOf(EmailOptions options) =>
        Enum.Parse<SecureSocketOptions>(options.SmtpSecurity, ignoreCase: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception)
        {
            // Saying goodbye to the server is a courtesy; the messages are already recorded.
        }

        _client.Dispose();
    }
}

/// <summary>
/// Writes each message as an .eml file named by its Message-ID. The file is written under a temporary name,
/// synced to disk and then renamed, so a reader of the folder never sees half a message, and writing the same
/// message again (a retry after a crash) replaces the file instead of adding a second one.
/// </summary>
internal sealed class PickupFolderTransport(string folder) : IMailTransport
{
    private static readonly FormatOptions Format = CrLf();

    public string Name => "pickup";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = FileNameFor(message.MessageId ?? throw new ArgumentException("The message has no Message-ID.", nameof(message)));
        var final = Path.Combine(folder, name + ".eml");
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await message.WriteToAsync(Format, stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The Message-ID with anything that is not safe in a file name replaced.</summary>
    internal static string FileNameFor(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_' ? c : '_'));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static FormatOptions CrLf()
    {
        // .eml files and pickup folders expect CRLF line ends, whatever the platform.
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
