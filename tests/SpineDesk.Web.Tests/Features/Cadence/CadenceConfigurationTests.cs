using Microsoft.Extensions.Options;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Cadence;

/// <summary>
/// A business calendar or cadence policy that cannot be followed stops the app at start with a message naming
/// the setting. Start-up validation runs before the database is used, so SQLite alone covers it.
/// </summary>
public sealed class CadenceConfigurationTests
{
    [Theory]
    [InlineData("Clinic:BusinessHours:Monday:0", "8 to 6", "Clinic:BusinessHours:Monday: \"8 to 6\" is not an opening interval: write it like 08:00-12:30")]
    [InlineData("Clinic:Holidays:0:Date", "25/12/2026", "Clinic:Holidays:0:Date \"25/12/2026\" is not a date: write it like 2026-12-25.")]
    [InlineData("Cadence:RoutineFirstContactTarget", "soon", "Cadence:RoutineFirstContactTarget \"soon\" is not a target")]
    [InlineData("Cadence:MaxUnansweredAttempts", "0", "at least one unanswered attempt before closing as unreachable")]
    [InlineData("Cadence:RetryAfterBusinessDays:0", "0", "Each wait between attempts must be at least 1 business day.")]
    public async Task A_bad_setting_stops_the_app_with_a_clear_message(string key, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(async () =>
        {
            await using var app = await SpineDeskApp.StartAsync(TestDatabaseKind.Sqlite, settings => settings[key] = value);
        });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
