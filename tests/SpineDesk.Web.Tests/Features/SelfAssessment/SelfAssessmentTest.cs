using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.SelfAssessment;

/// <summary>Base of the self-assessment tests: a frozen clock and the <see cref="TestPacks"/> imported.</summary>
public abstract class SelfAssessmentTest(TestDatabaseKind kind) : AppTest(kind)
{
    protected FakeTimeProvider Time { get; private set; } = null!;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    protected override void ConfigureServices(IServiceCollection services) => Time = services.UseFakeTime();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.WithDbAsync(async db =>
        {
            await TestPacks.InsertAsync(db, importedAt: Now);
            return 0;
        });
    }

    protected SelfAssessmentWalk NewPatient() => new(App.CreateBrowser());
}
