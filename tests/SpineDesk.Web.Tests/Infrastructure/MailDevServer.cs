using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SpineDesk.Web.Tests.Infrastructure;

/// <summary>One email as MailDev received it over SMTP.</summary>
public sealed record ReceivedMail(
    string Subject,
    string Text,
    string? Html,
    string? MessageId,
    string FromAddress,
    IReadOnlyList<(string Address, string Name)> To,
    IReadOnlyList<string>? AttachmentTypes = null);

/// <summary>
/// A real SMTP server for the tests: MailDev (npm, installed in tools/maildev) as a child process listening on
/// free loopback ports, read back through its HTTP API (<c>GET /api/email</c>). One server is shared by the
/// test run (<see cref="GetAsync"/>); a test that needs a server of its own on a given port (a server that
/// "comes back") starts one with <see cref="StartAsync"/>. Tests tell their mail apart by recipient address.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static MailDevServer? _shared;

    private readonly Process _process;
    private readonly string _tempDirectory;
    private readonly StringBuilder _output;
    private readonly HttpClient _http;

    private MailDevServer(Process process, string tempDirectory, StringBuilder output, int smtpPort, int webPort)
    {
        _process = process;
        _tempDirectory = tempDirectory;
        _output = output;
        SmtpPort = smtpPort;
        WebPort = webPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>Settings that point the app's outbox at this server (MailDev speaks plain SMTP).</summary>
    public void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Email:SmtpHost"] = "127.0.0.1";
        settings["Email:SmtpPort"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Email:SmtpSecurity"] = "None";
    }

    /// <summary>The server shared by the whole test run, started on first use and stopped when the run ends.</summary>
    public static async Task<MailDevServer> GetAsync()
    {
        if (_shared is not null)
        {
            return _shared;
        }

        await StartLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>A server of the caller's own, on <paramref name="smtpPort"/> or a free port; dispose it to stop it.</summary>
    public static async Task<MailDevServer> StartAsync(int? smtpPort = null)
    {
        var executable = FindExecutable();
        var smtp = smtpPort ?? FreePort();
        var web = FreePort();
        var temp = Path.Combine(Path.GetTempPath(), "spinedesk-maildev-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(temp);
        var start = new ProcessStartInfo
        {
            FileName = executable,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = temp,
        };
        foreach (var argument in (string[])["--smtp", Invariant(smtp), "--web", Invariant(web), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1"])
        {
            start.ArgumentList.Add(argument);
        }

        // MailDev keeps the raw messages under the temp folder; give each server its own, removed on stop.
        start.Environment["TMPDIR"] = temp;
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Could not start MailDev ({executable}): {ex.Message}. It runs on Node.js; install it with: apt-get install nodejs npm", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailDevServer(process, temp, output, smtp, web);
        try
        {
            await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Everything received for <paramref name="address"/> so far.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesToAsync(string address)
    {
        using var response = await _http.GetAsync(new Uri("api/email?to.address=" + Uri.EscapeDataString(address), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(Read)];
    }

    /// <summary>
    /// Waits (up to <paramref name="timeout"/>, 10 s by default) until at least <paramref name="count"/> messages
    /// for <paramref name="address"/> have arrived, and returns all that have.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesToAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var messages = await MessagesToAsync(address);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"MailDev received {messages.Count} of {count} expected message(s) for {address} within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }

    private static ReceivedMail Read(JsonElement mail)
    {
        var headers = mail.TryGetProperty("headers", out var h) ? h : default;
        string? messageId = headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty("message-id", out var id) ? id.GetString() : null;
        return new ReceivedMail(
            Subject: mail.GetProperty("subject").GetString() ?? "",
            Text: mail.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "",
            Html: mail.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String ? html.GetString() : null,
            MessageId: messageId,
            FromAddress: mail.GetProperty("from").EnumerateArray().Select(f => f.GetProperty("address").GetString()).FirstOrDefault() ?? "",
            To: [.. mail.GetProperty("to").EnumerateArray().Select(t => (t.GetProperty("address").GetString() ?? "", t.TryGetProperty("name", out var n) ? n.GetString() ?? "" : ""))],
            AttachmentTypes: mail.TryGetProperty("attachments", out var files) && files.ValueKind == JsonValueKind.Array
                ? [.. files.EnumerateArray().Select(f => f.TryGetProperty("contentType", out var type) ? type.GetString() ?? "" : "")]
                : []);
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        foreach (var port in (int[])[SmtpPort, WebPort])
        {
            while (!await AcceptsAsync(port))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"MailDev exited with code {_process.ExitCode} before it listened on 127.0.0.1:{port}. Its output:\n{Output()}");
                }

                if (clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"MailDev did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s. Its output:\n{Output()}");
                }

                await Task.Delay(50);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// SPINEDESK_TEST_MAILDEV (set by test.sh), else tools/maildev/node_modules/.bin/maildev found by walking up
    /// from the test assembly's folder to the repository.
    /// </summary>
    private static string FindExecutable()
    {
        const string install = "Run ./test.sh from the repository root, or install it with: cd tools/maildev && npm ci";
        var configured = Environment.GetEnvironmentVariable("SPINEDESK_TEST_MAILDEV");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"SPINEDESK_TEST_MAILDEV points to {configured}, which does not exist. {install}");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "maildev", "node_modules", ".bin", "maildev");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"MailDev, the test SMTP server, is not installed (tools/maildev/node_modules/.bin/maildev was not found). {install}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // It had already gone, or will with the test process.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
