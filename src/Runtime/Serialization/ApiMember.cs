using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>One member of a generated object: its API name and how to reach its value.</summary>
internal abstract class ApiMember<T>
{
    protected ApiMember(string name) => Name = name;

    /// <summary>The member's name in JSON and in the form encoding.</summary>
    public string Name { get; }

    public abstract void ReadJson(ref Utf8JsonReader reader, T target, string prefix);

    public abstract void WriteJson(Utf8JsonWriter writer, T value);

    // The response's Error member is JSON only: it has no form value, no rules and no place in ToString().
    public virtual void WriteForm(List<KeyValuePair<string, string>> pairs, T value, string prefix)
    {
    }

    public virtual void ReadForm(ApiFormEncoding.Values values, T target, string prefix)
    {
    }

    public virtual void Show(StringBuilder text, T value, ref bool first)
    {
    }

    public virtual MemberValue RuleValue(T value) => default;
}

/// <summary>A member whose value a codec reads and writes; unset is null (a nullable property, or the field behind a required one).</summary>
internal abstract class ApiMember<T, V> : ApiMember<T>
{
    private readonly ApiCodec<V> _codec;
    private readonly bool _sensitive;

    protected ApiMember(string name, ApiCodec<V> codec, bool sensitive)
        : base(name)
    {
        _codec = codec;
        _sensitive = sensitive;
    }

    protected abstract bool TryGet(T value, out V member);

    protected abstract void Set(T target, V member);

    protected abstract void Unset(T target);

    public override void ReadJson(ref Utf8JsonReader reader, T target, string prefix)
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

    public override void WriteJson(Utf8JsonWriter writer, T value)
    {
        if (TryGet(value, out V member))
        {
            writer.WritePropertyName(Name);
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

    public override void WriteForm(List<KeyValuePair<string, string>> pairs, T value, string prefix)
    {
        if (TryGet(value, out V member))
        {
            _codec.WriteForm(pairs, prefix + Name, member);
        }
    }

    public override void ReadForm(ApiFormEncoding.Values values, T target, string prefix)
    {
        if (_codec.TryReadForm(values, prefix + Name, out V member))
        {
            Set(target, member);
        }
    }

    public override void Show(StringBuilder text, T value, ref bool first)
    {
        if (TryGet(value, out V member))
        {
            text.Append(first ? " " : ", ").Append(Name).Append(" = ").Append(_sensitive ? "***" : _codec.Show(member));
            first = false;
        }
    }

    public override MemberValue RuleValue(T value) => TryGet(value, out V member) ? _codec.RuleValue(member) : default;
}
