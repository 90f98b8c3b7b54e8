using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Demo;

/// <summary>The benchmark's bare-insert baseline exists only when Benchmark:Enabled is true.</summary>
public abstract class BenchmarkEndpointTests(TestDatabaseKind kind) : AppTest(kind)
{
    internal static FormUrlEncodedContent Form() => new(
    [
        new("Form.Name", "Bench Mark"),
        new("Form.Phone", "+12125550143"),
        new("Form.Email", "bench@example.com"),
        new("Form.Language", "en"),
        new("Form.Message", "Low back pain for two years, worse when sitting."),
    ]);

    protected bool IsMapped() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText == "/bench/bare-insert");
}

public abstract class BenchmarkEndpointEnabledTests(TestDatabaseKind kind) : BenchmarkEndpointTests(kind)
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Benchmark:Enabled"] = "true";

    [Fact]
    public async Task When_enabled_a_post_stores_one_inquiry_without_antiforgery_or_sign_in()
    {
        Assert.True(IsMapped());
        using var content = Form();

        var response = await App.CreateBrowser().PostAsync(new Uri("/bench/bare-insert", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var inquiry = await App.WithDbAsync(db => db.Inquiries.SingleAsync());
        Assert.Equal("Bench Mark", inquiry.Name);
        Assert.Equal("Low back pain for two years, worse when sitting.", inquiry.Message);
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}

public abstract class BenchmarkEndpointDisabledTests(TestDatabaseKind kind) : BenchmarkEndpointTests(kind)
{
    [Fact]
    public async Task By_default_the_endpoint_does_not_exist()
    {
        Assert.False(IsMapped());
        using var content = Form();

        var response = await App.CreateBrowser().PostAsync(new Uri("/bench/bare-insert", UriKind.Relative), content);

        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
    }
}

public sealed class BenchmarkEndpointEnabledOnSqlite() : BenchmarkEndpointEnabledTests(TestDatabaseKind.Sqlite);

public sealed class BenchmarkEndpointEnabledOnPostgres() : BenchmarkEndpointEnabledTests(TestDatabaseKind.Postgres);

public sealed class BenchmarkEndpointDisabledOnSqlite() : BenchmarkEndpointDisabledTests(TestDatabaseKind.Sqlite);

public sealed class BenchmarkEndpointDisabledOnPostgres() : BenchmarkEndpointDisabledTests(TestDatabaseKind.Postgres);
