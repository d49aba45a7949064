using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveView.AspNetCore;

/// <summary>
/// Who may mount a page over the socket: the authorization metadata of the page's endpoints
/// (<c>MapLivePage(...).RequireAuthorization(...)</c>, <c>[Authorize]</c> data, <c>AllowAnonymous</c>, the fallback
/// policy), evaluated as ASP.NET Core's authorization middleware evaluates it for the HTTP request, against the
/// socket's user. A page mapped at several URLs must satisfy the authorization of every one of them.
/// </summary>
internal sealed class PageAccess(IServiceProvider services)
{
    // Each page's endpoints' metadata, recorded when the endpoints are built.
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IList<object>>> endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Requirement> requirements = new(StringComparer.Ordinal);

    /// <summary>Records the metadata of an endpoint of <paramref name="page"/> (conventions included).</summary>
    public void Record(string page, IList<object> metadata) => endpoints.GetOrAdd(page, _ => new()).Enqueue(metadata);

    /// <summary>True when mounting the page needs an authorization decision.</summary>
    public bool IsGuarded(string page) => RequirementOf(page).Guarded;

    /// <summary>Whether the socket's user (<paramref name="http"/> is the socket's request) may mount the page.</summary>
    /// <exception cref="InvalidOperationException">The page requires authorization but it is not set up.</exception>
    public async Task<Verdict> AuthorizeAsync(string page, HttpContext http)
    {
        var requirement = RequirementOf(page);
        if (!requirement.Guarded)
        {
            return Verdict.Allowed;
        }

        var provider = services.GetService<IAuthorizationPolicyProvider>()
            ?? throw new InvalidOperationException(
                $"Page '{page}' requires authorization, but the authorization services are missing: call 'builder.Services.AddAuthorization()'.");
        var policy = await AuthorizationPolicy.CombineAsync(provider, requirement.Data, requirement.Policies);
        if (policy is null)
        {
            return Verdict.Allowed;
        }

        var evaluator = http.RequestServices.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, http);
        var result = await evaluator.AuthorizeAsync(policy, authentication, http, http);
        return result.Succeeded ? Verdict.Allowed : result.Challenged ? Verdict.Challenged : Verdict.Forbidden;
    }

    // Kept once the page's endpoints are known; a page never mapped is looked at each time (nothing to keep).
    private Requirement RequirementOf(string page) =>
        requirements.TryGetValue(page, out var known) ? known
        : endpoints.ContainsKey(page) ? requirements.GetOrAdd(page, Compute)
        : Compute(page);

    private Requirement Compute(string page)
    {
        var all = endpoints.TryGetValue(page, out var recorded) ? recorded.ToList() : [];

        // An anonymous endpoint requires nothing; the others each add their requirements.
        var guarded = all.Where(metadata => !metadata.OfType<IAllowAnonymous>().Any()).ToList();
        var data = guarded.SelectMany(metadata => metadata.OfType<IAuthorizeData>()).ToArray();
        var policies = guarded.SelectMany(metadata => metadata.OfType<AuthorizationPolicy>()).ToArray();
        var fallback = services.GetService<IOptions<AuthorizationOptions>>()?.Value.FallbackPolicy is not null;

        // Without requirements of its own, a page takes the fallback policy, unless every URL of it allows anonymous users.
        var isGuarded = data.Length > 0 || policies.Length > 0 || (fallback && (all.Count == 0 || guarded.Count > 0));
        return new Requirement(isGuarded, data, policies);
    }

    private sealed record Requirement(bool Guarded, IAuthorizeData[] Data, AuthorizationPolicy[] Policies);
}
