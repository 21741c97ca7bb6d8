using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Emr.Codegen.Runtime;

/// <summary>How the next page is asked for.</summary>
public enum ApiPageStyle
{
    /// <summary>The request's offset counts items: the next page starts after the items seen.</summary>
    Offset,

    /// <summary>The request's offset counts pages, from 0: the next page is one more.</summary>
    Page,

    /// <summary>The answer's token goes into the next request.</summary>
    Token,
}

/// <summary>The server answered a page with most of its items from the pages before, or with a token already sent: paging on would repeat or never end.</summary>
public sealed class ApiPaginationException : Exception
{
    internal ApiPaginationException(string action, int page, string what)
        : base(action + ": page " + page.ToString(CultureInfo.InvariantCulture) + " " + what + "; paging stopped, as it would never end.")
    {
        Action = action;
        Page = page;
    }

    /// <summary>The paged action.</summary>
    public string Action { get; }

    /// <summary>The page (from 1) that repeated earlier ones.</summary>
    public int Page { get; }
}

/// <summary>
/// A paginator of the spec: sends an action page after page and stops once the answer's total was seen, at an empty
/// page, at a short page when there is no total, or when the token runs out. A server that repeats most of a page, or
/// a token, ends it with <see cref="ApiPaginationException"/> instead of a loop. The caller's request is not changed: pages are asked for with a copy.
/// Generated <c>...PagesAsync</c> and <c>...ItemsAsync</c> methods hold one.
/// </summary>
/// <typeparam name="TRequest">The action's request type.</typeparam>
/// <typeparam name="TResponse">The action's response type.</typeparam>
/// <typeparam name="TItem">The type of the answer's items.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiPaginator<TRequest, TResponse, TItem>
    where TRequest : class
    where TResponse : class
{
    private readonly string _action;
    private readonly ApiPageStyle _style;
    private readonly Func<TRequest, TRequest> _copy;
    private readonly Func<TRequest, long?>? _offset;
    private readonly Action<TRequest, long>? _setOffset;
    private readonly Func<TRequest, long?>? _limit;
    private readonly Func<TRequest, string?>? _token;
    private readonly Action<TRequest, string>? _setToken;
    private readonly Func<TResponse, string?>? _nextToken;
    private readonly Func<TResponse, IReadOnlyList<TItem>?> _items;
    private readonly Func<TResponse, long?>? _total;

    /// <summary>Creates a paginator; the functions read and write the members the spec names.</summary>
    /// <param name="action">The paged action.</param>
    /// <param name="style">How the next page is asked for.</param>
    /// <param name="copy">Copies a request, so that the caller's is left as it was.</param>
    /// <param name="offset">Reads the request's offset or page (offset and page styles).</param>
    /// <param name="setOffset">Writes it.</param>
    /// <param name="limit">Reads the request's page size, when the spec names it.</param>
    /// <param name="token">Reads the request's token (token style).</param>
    /// <param name="setToken">Writes it.</param>
    /// <param name="nextToken">Reads the answer's next token (token style).</param>
    /// <param name="items">Reads the answer's items.</param>
    /// <param name="total">Reads the answer's total, when the spec names it.</param>
    public ApiPaginator(
        string action, ApiPageStyle style, Func<TRequest, TRequest> copy,
        Func<TRequest, long?>? offset, Action<TRequest, long>? setOffset, Func<TRequest, long?>? limit,
        Func<TRequest, string?>? token, Action<TRequest, string>? setToken, Func<TResponse, string?>? nextToken,
        Func<TResponse, IReadOnlyList<TItem>?> items, Func<TResponse, long?>? total)
    {
        if (style == ApiPageStyle.Token ? token is null || setToken is null || nextToken is null : offset is null || setOffset is null)
        {
            throw new ArgumentException("The paginator's style needs the functions of its members.", nameof(style));
        }

        _action = action;
        _style = style;
        _copy = copy;
        _offset = offset;
        _setOffset = setOffset;
        _limit = limit;
        _token = token;
        _setToken = setToken;
        _nextToken = nextToken;
        _items = items;
        _total = total;
    }

    /// <summary>The answers, page by page, from the request's own offset, page or token on.</summary>
    /// <param name="request">The first page's request; it is copied, never changed.</param>
    /// <param name="send">Sends the action once.</param>
    /// <param name="cancellationToken">Ends the paging between and during pages.</param>
    /// <returns>The pages.</returns>
    public async IAsyncEnumerable<TResponse> PagesAsync(TRequest request, Func<TRequest, CancellationToken, Task<TResponse>> send, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(send);
        TRequest next = _copy(request);
        long position = _style == ApiPageStyle.Token ? 0 : _offset!(next) ?? 0;
        long seen = 0;
        var seenItems = new HashSet<(int Hash, int Length)>();
        var sentTokens = new HashSet<string>(StringComparer.Ordinal);
        if (_style == ApiPageStyle.Token && _token!(next) is { Length: > 0 } first)
        {
            sentTokens.Add(first);
        }

        for (int page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TResponse response = await send(next, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<TItem>? items = _items(response);
            int count = items?.Count ?? 0;
            if (count > 0 && RepeatedItems(items!, seenItems) * 2 > count)
            {
                // Data that changes while paging moves a few items between pages; most of a page seen before means the
                // server did not move on (it ignores the offset, reads it differently than the spec says, or cycles).
                throw new ApiPaginationException(_action, page, "repeats most of its items from the pages before");
            }

            yield return response;
            seen += count;
            long? total = _total?.Invoke(response) is long t && t > 0 ? t : null;
            if (total is long all && seen >= all)
            {
                yield break;
            }

            switch (_style)
            {
                case ApiPageStyle.Token:
                    // A token API may answer an empty page that still has a next token (it filters on the server).
                    string? token = _nextToken!(response);
                    if (string.IsNullOrEmpty(token))
                    {
                        yield break;
                    }

                    if (!sentTokens.Add(token))
                    {
                        throw new ApiPaginationException(_action, page, "gave back a token that was already sent");
                    }

                    _setToken!(next, token);
                    break;
                default:
                    // Without a total, a page shorter than the size asked for is the last one; with one, the total decides
                    // (a server may cap its pages below the limit asked for).
                    if (count == 0 || (total is null && _limit?.Invoke(next) is long limit && count < limit))
                    {
                        yield break;
                    }

                    position += _style == ApiPageStyle.Page ? 1 : count;
                    _setOffset!(next, position);
                    break;
            }
        }
    }

    /// <summary>The items of every page, in order.</summary>
    /// <param name="request">The first page's request; it is copied, never changed.</param>
    /// <param name="send">Sends the action once.</param>
    /// <param name="cancellationToken">Ends the paging.</param>
    /// <returns>The items.</returns>
    public async IAsyncEnumerable<TItem> ItemsAsync(TRequest request, Func<TRequest, CancellationToken, Task<TResponse>> send, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (TResponse page in PagesAsync(request, send, cancellationToken).ConfigureAwait(false))
        {
            if (_items(page) is IReadOnlyList<TItem> items)
            {
                foreach (TItem item in items)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>
    /// How many of a page's items were on a page before; adds the others. Items are known by their JSON's (or value's)
    /// hash and length, so memory stays small over many pages; a rare collision counts one item, far below half a page.
    /// </summary>
    private static int RepeatedItems(IReadOnlyList<TItem> items, HashSet<(int Hash, int Length)> seen)
    {
        int repeated = 0;
        foreach (TItem item in items)
        {
            string key = item is IApiAnswer answer ? answer.ToJson() : ApiPath.Text(item) ?? string.Empty;
            if (!seen.Add((StringComparer.Ordinal.GetHashCode(key), key.Length)))
            {
                repeated++;
            }
        }

        return repeated;
    }
}
