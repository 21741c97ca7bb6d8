using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>One member of a generated object: its API name and how to reach its value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiMember<T>
{
    private protected ApiMember(string name)
    {
        Name = name;
        JsonName = JsonEncodedText.Encode(name);
    }

    /// <summary>The member's name in JSON and in the form encoding.</summary>
    public string Name { get; }

    /// <summary>Read strictly even in a server's answer (the error member: an error answer is never taken for a result).</summary>
    internal virtual bool StrictInAnswers => false;

    /// <summary>The name encoded for JSON once, so writing a member does not transcode and escape it again.</summary>
    private protected JsonEncodedText JsonName { get; }

    internal abstract void ReadJson(ref Utf8JsonReader reader, T target, string prefix);

    internal abstract void WriteJson(Utf8JsonWriter writer, T value);

    // The response's Error member is JSON only: it has no form value, no rules and no place in ToString().
    internal virtual void WriteForm(List<KeyValuePair<string, string>> pairs, T value, string prefix)
    {
    }

    internal virtual void ReadForm(ApiFormEncoding.Values values, T target, string prefix)
    {
    }

    internal virtual void Show(StringBuilder text, T value, ref bool first)
    {
    }

    internal virtual MemberValue RuleValue(T value) => default;
}

/// <summary>A member whose value a codec reads and writes; unset is null (a nullable property, or the field behind a required one).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiMember<T, V> : ApiMember<T>
{
    private readonly ApiCodec<V> _codec;
    private readonly bool _sensitive;

    private protected ApiMember(string name, ApiCodec<V> codec, bool sensitive)
        : base(name)
    {
        _codec = codec;
        _sensitive = sensitive;
    }

    private protected abstract bool TryGet(T value, out V member);

    private protected abstract void Set(T target, V member);

    private protected abstract void Unset(T target);

    internal override void ReadJson(ref Utf8JsonReader reader, T target, string prefix)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            Unset(target);
        }
        else
        {
            Set(target, _codec.ReadJson(ref reader, prefix, Name));
        }
    }

    internal override void WriteJson(Utf8JsonWriter writer, T value)
    {
        if (TryGet(value, out V member))
        {
            writer.WritePropertyName(JsonName);
            try
            {
                _codec.WriteJson(writer, member);
            }
            catch (ApiJson.Unwritable exception)
            {
                throw exception.Within(Name);
            }
        }
    }

    internal override void WriteForm(List<KeyValuePair<string, string>> pairs, T value, string prefix)
    {
        if (TryGet(value, out V member))
        {
            _codec.WriteForm(pairs, prefix + Name, member);
        }
    }

    internal override void ReadForm(ApiFormEncoding.Values values, T target, string prefix)
    {
        if (_codec.TryReadForm(values, prefix + Name, out V member))
        {
            Set(target, member);
        }
    }

    internal override void Show(StringBuilder text, T value, ref bool first)
    {
        if (TryGet(value, out V member))
        {
            text.Append(first ? " " : ", ").Append(Name).Append(" = ").Append(_sensitive ? "***" : _codec.Show(member));
            first = false;
        }
    }

    internal override MemberValue RuleValue(T value) => TryGet(value, out V member) ? _codec.RuleValue(member) : default;
}
