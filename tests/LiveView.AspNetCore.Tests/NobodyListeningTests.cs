using Microsoft.Extensions.DependencyInjection;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore.Tests;

/// <summary>While nobody listens to the host's meter and activity source, it makes no span and allocates nothing for them.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class NobodyListeningTests
{
    [Fact]
    public async Task No_span_is_made_for_an_action_or_an_effect()
    {
        await using var host = await TracedHost.StartAsync();
        await using var socket = await CountingSocket.ConnectAsync(host);
        Assert.Equal("none", (await socket.ActAsync("traced->span")).GetProperty("html").GetString());
        await socket.ActAsync("traced->fetch");
        Assert.Equal("none", (await socket.ReceiveAsync()).GetProperty("html").GetString());
    }

    [Fact]
    public void Tracing_an_action_and_an_effect_and_counting_allocates_nothing()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new LiveViewMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), new OpenConnections());
        using var activities = new LiveViewActivitySource();
        var site = Page.alone(Page.erase(TracedPages.Traced));
        var click = Input.NewAction(ClientActionModule.named("traced->click"), new Env(DateTimeOffset.UnixEpoch, new Random(1)));
        var message = Input.NewMessage(0, FSharpValueOption<Subscription>.ValueNone, Origin.NewMessage("Shout", "topic traced"), new Shout("hi"), new Env(DateTimeOffset.UnixEpoch, new Random(1)));
        Input[] inputs = [click, message];
        var failed = new TimeoutException();
        var origin = Origin.NewEffect("fetch", Origin.NewClient(ClientActionModule.named("traced->fetch").Name));
        Assert.False(activities.Observed);

        void Trace()
        {
            foreach (var input in inputs)
            {
                var action = ActionTrace.Start(input, site, null, metrics, activities, default);
                action.Failed("handler_failed");
                action.End();
            }

            var effect = EffectTrace.Start(metrics, activities, EffectTrace.TagsFor(metrics, activities, origin, null, default));
            effect.End(failed);
            metrics.Failed("handler_failed");
            metrics.Sent(100);
            metrics.Received(100);
            metrics.Pushed("traced");
            metrics.Broadcast(AudienceKind.Topic, "traced");
        }

        Trace();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Trace();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
