using System.Runtime.ExceptionServices;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveView.AspNetCore;

/// <summary>
/// Mounts a page for its first paint over HTTP with the same runtime the socket uses: init, mount handler, and the
/// mount effects, run here and folded in until the page is mounted. The request has passed the endpoint's
/// authorization already (ASP.NET Core's authorization middleware).
/// </summary>
internal sealed class FirstPaint(
    LiveSite site, EffectRunner effects, TimeProvider time, IOptions<LiveViewOptions> options, ILogger<FirstPaint> logger)
{
    /// <summary>The mounted page.</summary>
    /// <exception cref="Exception">Whatever the page's init, mount handler or mount effects threw.</exception>
    public async Task<Instance> MountAsync(MountRequest request, ClaimsPrincipal user, CancellationToken aborted)
    {
        var random = new Random();
        Env Env() => new(time.GetUtcNow(), random);

        // Not a connection: nothing can reach this id, and subscriptions and broadcasts wait for the socket's mount.
        var runtime = RuntimeModule.start(ConnectionId.New(), user, options.Value.MaxEffectsPerConnection);
        var inputs = new Queue<Input>([Input.NewMount(request, Env())]);
        var running = new List<Task<EffectEnd>>();

        // A mount effect's partial results fold in between the others' ends, in the order they come.
        var reported = new System.Collections.Concurrent.ConcurrentQueue<(long Id, Fold Fold)>();
        while (true)
        {
            while (inputs.TryDequeue(out var input))
            {
                (runtime, var outputs) = RuntimeModule.step(site, input, runtime);
                foreach (var output in outputs)
                {
                    switch (output)
                    {
                        case Output.Start start:
                            var id = start.Effect;

                            // Its span is the child of the request's.
                            var tags = effects.TagsFor(start.Origin, runtime.Instance, default);
                            running.Add(effects.RunAsync(id, start.Work, fold =>
                            {
                                reported.Enqueue((id, fold));
                                return Task.CompletedTask;
                            }, tags, aborted));
                            break;
                        case Output.Authorize authorize:
                            inputs.Enqueue(Input.NewAuthorized(authorize.Navigation, Verdict.Allowed, Env()));
                            break;
                        case Output.Fail fail when fail.Fault.Exception is { } error:
                            // The page could not be built: the app's exception handling (developer page, error page) answers.
                            ExceptionDispatchInfo.Throw(error);
                            break;
                        case Output.Fail fail:
                            throw new InvalidOperationException(fail.Fault.Message);
                        case Output.Log log:
                            Log.FaultOnly(logger, log.Fault.Exception, log.Fault.Message);
                            break;
                    }
                }
            }

            if (!runtime.IsMounting && runtime.Instance is { } mounted)
            {
                return mounted;
            }

            if (running.Count == 0)
            {
                throw new InvalidOperationException($"Page '{request.Page}' did not finish mounting.");
            }

            var ended = await Task.WhenAny(running);
            running.Remove(ended);
            while (reported.TryDequeue(out var item))
            {
                inputs.Enqueue(Input.NewEffectItem(item.Id, item.Fold, Env()));
            }

            inputs.Enqueue((await ended).ToInput(Env()));
        }
    }
}
