using System;
using System.Collections.Generic;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>A list: a JSON array, and <c>Name.0</c>, <c>Name.1</c>, ... in the form encoding.</summary>
internal sealed class ApiListCodec<V> : ApiCodec<List<V>>
{
    private readonly ApiCodec<V> _item;

    public ApiListCodec(ApiCodec<V> item) => _item = item;

    internal override List<V> ReadJson(ref Utf8JsonReader reader, string prefix, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw ApiJson.Unexpected(ref reader, prefix, name, "a list");
        }

        string itemPrefix = prefix + name + ".";
        var list = new List<V>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(_item.ReadJson(ref reader, itemPrefix, ApiFormEncoding.Index(list.Count)));
        }

        return list;
    }

    internal override void WriteJson(Utf8JsonWriter writer, List<V> value)
    {
        writer.WriteStartArray();
        for (int i = 0; i < value.Count; i++)
        {
            try
            {
                _item.WriteJson(writer, value[i]);
            }
            catch (ApiJson.Unwritable exception)
            {
                throw exception.Within(ApiFormEncoding.Index(i));
            }
        }

        writer.WriteEndArray();
    }

    internal override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, List<V> value)
    {
        for (int i = 0; i < value.Count; i++)
        {
            int before = pairs.Count;
            string item = name + "." + ApiFormEncoding.Index(i);
            _item.WriteForm(pairs, item, value[i]);

            // An object with no member set writes nothing: the gap it would leave is refused by the readers.
            if (pairs.Count == before)
            {
                throw new InvalidOperationException(item + ": the item has no member set, and the form encoding has no way to write it.");
            }
        }
    }

    internal override bool TryReadForm(ApiFormEncoding.Values values, string name, out List<V> value)
    {
        value = values.HasList(name) ? values.ReadList(name, _item.ReadFormItem) : null!;
        return value is not null;
    }

    internal override List<V> ReadFormItem(ApiFormEncoding.Values values, string name) =>
        throw new NotSupportedException("The API has no lists of lists.");

    internal override string Show(List<V> value) => ApiFormEncoding.Index(value.Count) + " items";

    internal override MemberValue RuleValue(List<V> value) => MemberValue.List(value, _item.RuleValue);
}
