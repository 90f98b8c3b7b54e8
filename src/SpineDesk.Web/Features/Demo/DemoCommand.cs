using System.Globalization;

namespace SpineDesk.Web.Features.Demo;

/// <summary>What the command line asked for: a request to seed, a request for help, or a mistake.</summary>
internal sealed record DemoCommandLine(DemoSeedRequest? Request, bool HelpAsked, string? Error);

/// <summary>
/// <c>dotnet run --project src/SpineDesk.Web -- seed-demo --inquiries 500</c>: fills a demo clinic and exits
/// without starting the web server.
/// </summary>
public static class DemoCommand
{
    public const string Name = "seed-demo";

    public const int MaxInquiries = 100_000;

    public const int DefaultInquiries = 500;

    public const int ExitOk = 0;

    public const int ExitRefused = 1;

    public const int ExitUsage = 2;

    public const string Usage = """
        Usage: dotnet run --project src/SpineDesk.Web -- seed-demo [--inquiries N] [--seed N] [--append]

        Fills the configured database with a fictional demo clinic, then exits.
          --inquiries N  how many inquiries to create, 1 to 100000 (default 500)
          --seed N       a whole number that makes the demo data repeatable (default: random, printed)
          --append       add to a database that already has inquiries (otherwise it refuses)
          --help         show this text
        """;

    /// <summary>
    /// Runs the command (seed-demo, seed-scale or add-staff) when the first argument names it. Returns true when the app should exit instead of
    /// serving requests; <see cref="Environment.ExitCode"/> is set.
    /// </summary>
    public static async Task<bool> RunDemoCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            return false;
        }

        switch (args[0])
        {
            case Name:
                Environment.ExitCode = await RunAsync(app.Services, args, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
                return true;
            case DemoScaleCommand.Name:
                Environment.ExitCode = await DemoScaleCommand.RunAsync(app.Services, args, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
                return true;
            case AddStaffCommand.Name:
                Environment.ExitCode = await AddStaffCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Parses the arguments (the first is the command's name), seeds, and writes what happened.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var line = Parse(args);
        if (line.HelpAsked)
        {
            await output.WriteLineAsync(Usage);
            return ExitOk;
        }

        if (line.Request is not { } request)
        {
            await error.WriteLineAsync($"seed-demo: {line.Error}");
            await error.WriteLineAsync();
            await error.WriteLineAsync(Usage);
            return ExitUsage;
        }

        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoClinicSeeder>();
        var result = await seeder.SeedAsync(request, cancellationToken);
        if (result.Summary is not { } summary)
        {
            await error.WriteLineAsync($"seed-demo: {result.Refusal}");
            return ExitRefused;
        }

        await output.WriteLineAsync(summary.Describe());
        return ExitOk;
    }

    /// <summary>Reads <c>seed-demo [--inquiries N] [--seed N] [--append] [--help]</c>; also accepts <c>--name=value</c>.</summary>
    internal static DemoCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != Name)
        {
            return new DemoCommandLine(null, false, $"The first argument must be '{Name}'.");
        }

        int? inquiries = null;
        int? seed = null;
        var append = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    return new DemoCommandLine(null, true, null);
                case "--append":
                    if (inlineValue is not null)
                    {
                        return Mistake("--append takes no value.");
                    }

                    append = true;
                    break;
                case "--inquiries" or "--seed":
                    if (inquiries is not null && arg == "--inquiries" || seed is not null && arg == "--seed")
                    {
                        return Mistake($"{arg} is given twice.");
                    }

                    var text = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (text is null)
                    {
                        return Mistake($"{arg} needs a number after it.");
                    }

                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        return Mistake($"{arg} needs a whole number, not '{text}'.");
                    }

                    if (arg == "--seed")
                    {
                        seed = number;
                    }
                    else if (number is < 1 or > MaxInquiries)
                    {
                        return Mistake($"--inquiries must be between 1 and {MaxInquiries}; '{text}' is not.");
                    }
                    else
                    {
                        inquiries = number;
                    }

                    break;
                default:
                    return Mistake($"'{args[i]}' is not an option of {Name}.");
            }
        }

        return new DemoCommandLine(new DemoSeedRequest(inquiries ?? DefaultInquiries, seed ?? Random.Shared.Next(), append), false, null);

        static DemoCommandLine Mistake(string message) => new(null, false, message);
    }
}
