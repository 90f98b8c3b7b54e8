using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.BrowserTests.Infrastructure;
using SpineDesk.Data;
using SpineDesk.Web.Tests.Features.SelfAssessment;

namespace SpineDesk.BrowserTests.Features.SelfAssessment;

/// <summary>Imports the test packs into the shared app once, through its own database context.</summary>
public static class SelfAssessmentPacks
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    public static async Task EnsureTestPacksAsync(this SiteFixture site)
    {
        ArgumentNullException.ThrowIfNull(site);
        await Once.WaitAsync();
        try
        {
            await using var scope = site.Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
            if (!await db.QuestionnairePacks.AnyAsync(p => p.Version == TestPacks.Version && p.IsCurrent))
            {
                await TestPacks.InsertAsync(db);
            }
        }
        finally
        {
            Once.Release();
        }
    }
}
