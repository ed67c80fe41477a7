using System;

namespace Foundry.Generated.Runtime;

/// <summary>Base of every error the Foundry runtime raises for a request.</summary>
public abstract class FoundryException : Exception
{
    protected FoundryException(string message, string route, string? model, Exception? inner = null)
        : base(message, inner)
    {
        Route = route;
        Model = model;
    }

    /// <summary>The route id of the request.</summary>
    public string Route { get; }

    /// <summary>The model id of the request, when known.</summary>
    public string? Model { get; }
}
