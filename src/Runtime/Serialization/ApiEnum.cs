using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>An enumeration's values as data, and its codec: the raw value's, wrapped.</summary>
/// <typeparam name="E">The enumeration struct.</typeparam>
/// <typeparam name="R">Its raw type: <c>long</c> or <c>string</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiEnum<E, R> : ApiScalarCodec<E>
    where R : notnull
{
    private readonly ApiScalarCodec<R> _raw;
    private readonly Func<R, E> _wrap;
    private readonly Func<E, R> _unwrap;
    private readonly R[] _values;
    private readonly string[] _names;
    private readonly string[] _descriptions;

    /// <summary>Creates an enumeration's data over the codec of its raw values.</summary>
    /// <param name="raw">The codec of the raw values.</param>
    /// <param name="wrap">Wraps a raw value.</param>
    /// <param name="unwrap">Unwraps a value.</param>
    /// <param name="values">The values the spec names.</param>
    /// <param name="names">Their names, in the same order.</param>
    /// <param name="descriptions">Their descriptions, in the same order.</param>
    public ApiEnum(ApiScalarCodec<R> raw, Func<R, E> wrap, Func<E, R> unwrap, R[] values, string[] names, string[] descriptions)
    {
        _raw = raw;
        _wrap = wrap;
        _unwrap = unwrap;
        _values = values;
        _names = names;
        _descriptions = descriptions;
        Known = Array.AsReadOnly(Array.ConvertAll(values, value => wrap(value)));
    }

    /// <summary>Every value the spec names.</summary>
    public IReadOnlyList<E> Known { get; }

    /// <summary>The spec's name of a value, or null for a value it does not know.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The name, or null.</returns>
    public string? NameOf(R value) => Array.IndexOf(_values, value) is int index && index >= 0 ? _names[index] : null;

    /// <summary>The spec's description of a value, or null for a value it does not know.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The description, or null.</returns>
    public string? DescriptionOf(R value) => Array.IndexOf(_values, value) is int index && index >= 0 ? _descriptions[index] : null;

    internal override E ReadJson(ref Utf8JsonReader reader, string prefix, string name) => _wrap(_raw.ReadJson(ref reader, prefix, name));

    internal override void WriteJson(Utf8JsonWriter writer, E value) => _raw.WriteJson(writer, _unwrap(value));

    internal override string Format(E value) => _raw.Format(_unwrap(value));

    internal override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, E value) => _raw.WriteForm(pairs, name, _unwrap(value));

    internal override E Parse(string text, string name) => _wrap(_raw.Parse(text, name));

    internal override string Show(E value) => _raw.Format(_unwrap(value));

    internal override MemberValue RuleValue(E value) => _raw.RuleValue(_unwrap(value));
}
