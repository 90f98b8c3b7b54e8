using SpineDesk.Web.Features.Demo;

namespace SpineDesk.Web.Tests.Features.Demo;

public sealed class DemoCommandLineTests
{
    [Fact]
    public void Defaults_are_500_inquiries_a_random_seed_and_no_append()
    {
        var line = DemoCommand.Parse(["seed-demo"]);

        Assert.Null(line.Error);
        Assert.Equal(DemoCommand.DefaultInquiries, line.Request!.Inquiries);
        Assert.False(line.Request.Append);
    }

    [Theory]
    [InlineData(new[] { "seed-demo", "--inquiries", "42", "--seed", "9", "--append" }, 42, 9, true)]
    [InlineData(new[] { "seed-demo", "--append", "--seed=0", "--inquiries=100000" }, 100_000, 0, true)]
    [InlineData(new[] { "seed-demo", "--seed", "2147483647", "--inquiries", "1" }, 1, int.MaxValue, false)]
    public void Options_are_read_in_any_order_and_either_form(string[] args, int inquiries, int seed, bool append)
    {
        var line = DemoCommand.Parse(args);

        Assert.Equal(new DemoSeedRequest(inquiries, seed, append), line.Request);
    }

    [Fact]
    public void Another_command_is_not_taken_for_seed_demo()
    {
        var line = DemoCommand.Parse(["serve", "--inquiries", "5"]);

        Assert.Null(line.Request);
        Assert.Equal("The first argument must be 'seed-demo'.", line.Error);
    }
}
