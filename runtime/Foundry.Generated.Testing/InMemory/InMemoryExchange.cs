using System;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>
/// One in-memory response: the engine writes into a pipe, the caller reads the other end as the response body. A
/// reset fails the caller's read as a dropped connection does; the caller disposing the body aborts the engine, as
/// closing a connection does.
/// </summary>
internal sealed class InMemoryExchange : IReplySink
{
    private readonly HttpRequestMessage _request;
    private readonly Pipe _pipe = new();
    private readonly CancellationTokenSource _aborted;
    private readonly TaskCompletionSource<HttpResponseMessage> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpResponseMessage _message;

    public InMemoryExchange(HttpRequestMessage request, CancellationToken requestCancelled)
    {
        _request = request;
        _aborted = CancellationTokenSource.CreateLinkedTokenSource(requestCancelled);
        _message = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StreamContent(new ResponseBodyStream(_pipe.Reader, _aborted)),
        };
    }

    public Task<HttpResponseMessage> Response => _response.Task;

    public CancellationToken Aborted => _aborted.Token;

    public int StatusCode { get; set; } = 200;

    public bool HasStarted { get; private set; }

    public void SetHeader(string name, string value)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("Headers cannot change after the response started.");
        }

        if (!_message.Headers.TryAddWithoutValidation(name, value))
        {
            _message.Content!.Headers.TryAddWithoutValidation(name, value);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!HasStarted)
        {
            HasStarted = true;
            _message.StatusCode = (HttpStatusCode)StatusCode;
            _response.TrySetResult(_message);
        }

        return Task.CompletedTask;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        var result = await _pipe.Writer.WriteAsync(bytes, cancellationToken);
        if (result.IsCompleted)
        {
            // The caller stopped reading: as a server sees a closed connection.
            await _aborted.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            throw new OperationCanceledException(_aborted.Token);
        }
    }

    public void Abort()
    {
        _ = StartAsync(CancellationToken.None);
        _pipe.Writer.Complete(new HttpIOException(HttpRequestError.ResponseEnded, "The fake Foundry reset the connection (a scripted fault)."));
    }

    /// <summary>The engine finished (or failed): end the body, or fail the request if no response was started.</summary>
    public void Complete(Exception? error)
    {
        if (error is not null and not OperationCanceledException && !HasStarted)
        {
            _response.TrySetException(new HttpRequestException("The fake Foundry failed before answering: " + error.Message, error));
            return;
        }

        _ = StartAsync(CancellationToken.None);
        _pipe.Writer.Complete(error is null or OperationCanceledException ? null : error);
    }

    /// <summary>The response body: reads the pipe; disposing it tells the engine the caller is gone.</summary>
    private sealed class ResponseBodyStream : Stream
    {
        private readonly PipeReader _reader;
        private readonly Stream _inner;
        private readonly CancellationTokenSource _aborted;
        private int _disposed;

        public ResponseBodyStream(PipeReader reader, CancellationTokenSource aborted)
        {
            _reader = reader;
            _inner = reader.AsStream();
            _aborted = aborted;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _reader.Complete();
                try
                {
                    _aborted.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }

            base.Dispose(disposing);
        }
    }
}
