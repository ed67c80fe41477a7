using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Runtime;

// CONTRACT (skeleton): the signatures generated clients call. The runtime owner replaces the bodies.
/// <summary>
/// Sends proxy requests and decodes responses and event streams. One instance per
/// <see cref="FoundryClientOptions"/>; thread-safe; shared by all generated clients.
/// </summary>
public sealed partial class FoundryPipeline : IDisposable
{
    /// <summary>Creates a pipeline. When <paramref name="httpClient"/> is null the pipeline owns one.</summary>
    public FoundryPipeline(FoundryClientOptions options, HttpClient? httpClient = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _ = httpClient;
    }

    public FoundryClientOptions Options { get; }

    /// <summary>Sends one non-streaming request and reads the JSON response.</summary>
    public Task<TResponse> SendAsync<TRequest, TResponse>(FoundryOperation operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TResponse : IFoundryJsonReadable<TResponse>
        => throw new NotImplementedException();

    /// <summary>Sends one streaming request and yields each decoded server-sent event.</summary>
    public async IAsyncEnumerable<TEvent> StreamAsync<TRequest, TEvent>(FoundryOperation operation, TRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IFoundryJsonWritable
        where TEvent : IFoundryJsonReadable<TEvent>
    {
        await Task.Yield();
        throw new NotImplementedException();
#pragma warning disable CS0162 // needed to make this an iterator
        yield break;
#pragma warning restore CS0162
    }

    public void Dispose()
    {
    }
}
