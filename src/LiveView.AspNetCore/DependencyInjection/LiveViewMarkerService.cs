namespace LiveView.AspNetCore;

/// <summary>Its presence in the container proves that <c>AddLiveView</c> was called.</summary>
internal sealed class LiveViewMarkerService;
