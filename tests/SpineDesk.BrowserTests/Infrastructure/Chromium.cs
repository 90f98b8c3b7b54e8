namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>
/// Finds Debian's chromium. The tests never download a browser: Playwright drives the one the machine has.
/// </summary>
public static class Chromium
{
    public const string EnvironmentVariable = "SPINEDESK_TEST_CHROMIUM";

    /// <summary>Flags for a headless run in a container or CI: no sandbox, no GPU, no calls home.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string Executable()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{EnvironmentVariable} names '{configured}', which does not exist. Install Debian's chromium: apt-get install chromium");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException("The browser tests need chromium on PATH. Install Debian's chromium: apt-get install chromium");
    }
}
