using System.Collections.Generic;
using System.ComponentModel;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>What every generated object shares: JSON, form encoding, validation and <c>ToString()</c>, driven by its member table.</summary>
/// <typeparam name="T">The generated object type.</typeparam>
public abstract class ApiObject<T> : IRuleSubject, IApiAnswer
    where T : ApiObject<T>
{
    private readonly ApiType<T> _type;
    private IReadOnlyList<ApiDeviation> _deviations = System.Array.Empty<ApiDeviation>();

    /// <summary>Creates an object over its generated type's member table.</summary>
    /// <param name="type">The member table.</param>
    protected ApiObject(ApiType<T> type) => _type = type;

    /// <summary>The JSON body of this object, names and values exactly as the API takes them; unset members are left out.</summary>
    public string ToJson() => ApiJson.Write((T)this, _type);

    /// <summary>The API's flat form parameters: <c>Software.0=hive</c>, <c>VPCSettings.VpcId=...</c>, <c>Tags.0.TagKey=...</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToFormParameters()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        _type.WriteFormObject(pairs, (T)this, string.Empty);
        return pairs;
    }

    /// <summary>The form parameters joined as <c>Name=Value&amp;...</c>, names and values percent-encoded.</summary>
    public string ToFormString() => ApiFormEncoding.Join(ToFormParameters());

    /// <summary>Checks every enumeration, constraint and rule of the spec, nested objects included, as the server would.</summary>
    public IReadOnlyList<ApiValidationProblem> Validate() => ApiValidation.Validate(this);

    /// <summary>Throws <see cref="ApiValidationException"/> when <see cref="Validate"/> finds an error.</summary>
    public void EnsureValid() => ApiValidation.ThrowOnErrors(Validate());

    /// <summary>The set members as <c>Name = value</c>; members marked sensitive in the spec are masked.</summary>
    public override string ToString() => _type.Show((T)this);

    /// <summary>The members of a server's answer that differ from their documented type (responses show them as <c>Deviations</c>).</summary>
    protected IReadOnlyList<ApiDeviation> ReadDeviations => _deviations;

    IReadOnlyList<ApiDeviation> IApiAnswer.Deviations
    {
        get => _deviations;
        set => _deviations = value;
    }

    ObjectDefinition IRuleSubject.RuleDefinition => _type.RuleDefinition;

    MemberValue IRuleSubject.GetMemberValue(string name) => _type.RuleValue((T)this, name);

    MemberValue IRuleSubject.GetMemberValueAt(int index) => _type.RuleValueAt((T)this, index);
}

/// <summary>A generated type (object or enumeration) and the codec that reads and writes it.</summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IApiValue<TSelf>
    where TSelf : IApiValue<TSelf>
{
    /// <summary>The type's codec: its member table, or its enumeration data.</summary>
    static abstract ApiCodec<TSelf> EmrCodec { get; }
}

/// <summary>An object read as a server's answer, which keeps the members that differ from their documented type.</summary>
internal interface IApiAnswer
{
    IReadOnlyList<ApiDeviation> Deviations { get; set; }

    string ToJson();
}
