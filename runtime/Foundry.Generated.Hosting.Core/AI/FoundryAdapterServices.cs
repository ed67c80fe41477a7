namespace Foundry.Generated.Hosting.AI
{
    /// <summary>
    /// What an adapter's <c>GetService</c> answers, the same for chat clients and embedding generators: its metadata,
    /// the generated client it wraps, or itself; nothing for a keyed request.
    /// </summary>
    internal static class FoundryAdapterServices
    {
        public static object? Get(global::System.Type serviceType, object? serviceKey, object metadata, object client, object adapter)
        {
            global::System.ArgumentNullException.ThrowIfNull(serviceType);
            return serviceKey is not null ? null
                : serviceType == metadata.GetType() ? metadata
                : serviceType.IsInstanceOfType(client) ? client
                : serviceType.IsInstanceOfType(adapter) ? adapter
                : null;
        }
    }
}
