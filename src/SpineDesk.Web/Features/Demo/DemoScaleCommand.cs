using System.Globalization;

namespace SpineDesk.Web.Features.Demo;

/// <summary>
/// <c>dotnet SpineDesk.Web.dll seed-scale --inquiries 100000 --events 1000000 [--seed N]</c>: fills an empty
/// database with load-test data (<see cref="DemoScaleSeeder"/>) and exits without starting the web server.
/// </summary>
public static class DemoScaleCommand
{
    public const string Name = "seed-scale";

    public const int MaxInquiries = 1_000_000;

    public const int MaxEvents = 20_000_000;

    public const string Usage = """
        Usage: dotnet SpineDesk.Web.dll seed-scale [--inquiries N] [--events N] [--seed N]

        Fills an EMPTY database with load-test data for bench/desk-load.sh, then exits: two years of a fictional
        clinic's inquiries (6% received in the last three days, many still open) and their timelines.
          --inquiries N  how many inquiries, 10 to 1000000 (default 100000)
          --events N     how many timeline events in all: contact attempts, stage changes, notes, outbox emails
                         and consultations; notes make up the difference (default 10 per inquiry)
          --seed N       a whole number that makes the data repeatable (default 1)
        """;

    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var values = new Dictionary<string, int>();
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                await output.WriteLineAsync(Usage);
                return DemoCommand.ExitOk;
            }

            if (args[i] is not ("--inquiries" or "--events" or "--seed") || i + 1 >= args.Count
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                await error.WriteLineAsync($"{Name}: '{args[i]}' is not understood; each option needs a whole number after it.");
                await error.WriteLineAsync(Usage);
                return DemoCommand.ExitUsage;
            }

            values[args[i]] = number;
            i++;
        }

        var inquiries = values.GetValueOrDefault("--inquiries", 100_000);
        var events = values.GetValueOrDefault("--events", inquiries * 10);
        if (inquiries is < 10 or > MaxInquiries || events is < 0 or > MaxEvents)
        {
            await error.WriteLineAsync($"{Name}: --inquiries must be 10 to {MaxInquiries} and --events 0 to {MaxEvents}.");
            return DemoCommand.ExitUsage;
        }

        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoScaleSeeder>();
        try
        {
            var summary = await seeder.SeedAsync(new DemoScaleRequest(inquiries, events, values.GetValueOrDefault("--seed", 1)), cancellationToken);
            await output.WriteLineAsync(summary.Describe());
            return DemoCommand.ExitOk;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}");
            return DemoCommand.ExitRefused;
        }
    }
}
