using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Spec
{
    /// <summary>
    /// One value a document lists as accepted, for a member given by its path from CreateInstanceRequest
    /// (<c>ResourceSpec.MasterResourceSpec.MultiDisks[0].DiskType</c>), with the members the document ties it to.
    /// </summary>
    public sealed record DocumentedValue(string Source, string Path, JsonNode Value, IReadOnlyList<(string Path, JsonNode Value)> With)
    {
        public override string ToString() => Source + ": " + Path + " = " + Value.ToJsonString(Options) +
            (With.Count == 0 ? string.Empty : " (with " + string.Join(", ", With.Select(w => w.Path + " = " + w.Value.ToJsonString(Options))) + ")");

        internal static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }

    /// <summary>
    /// Reads, out of the seed and the upstream api.json documents' own prose, every value they list as accepted for the
    /// members of CreateInstance that the spec enumerates or constrains. Nothing here is copied from the spec: a value
    /// the spec lacks or rejects shows up as a failure. The upstream "example" fields are not listings and are not used
    /// (several break their own documents: "emr测试" is 5 characters, "Password_test" has '_', "LOUD_PREMIUM").
    /// </summary>
    public static class DocumentedValues
    {
        public const string Seed = "seed";
        public const string ZhCn = "zh-cn";
        public const string IntlEn = "intl-en";

        private static readonly Lazy<string> SeedText = new(() => File.ReadAllText(TestPaths.Seed));
        private static readonly Lazy<JsonDocument> ZhCnApi = new(() => JsonDocument.Parse(File.ReadAllText(TestPaths.Upstream("emr-v20190103-api.zh-cn.json"))));
        private static readonly Lazy<JsonDocument> IntlEnApi = new(() => JsonDocument.Parse(File.ReadAllText(TestPaths.Upstream("emr-v20190103-api.intl-en.json"))));

        /// <summary>Where each checked member lives, as the upstream documents name its object.</summary>
        private static readonly (string Object, string Member, string Path)[] UpstreamMembers =
        {
            ("CreateInstanceRequest", "ProductId", "ProductId"),
            ("CreateInstanceRequest", "SupportHA", "SupportHA"),
            ("CreateInstanceRequest", "InstanceName", "InstanceName"),
            ("CreateInstanceRequest", "PayMode", "PayMode"),
            ("CreateInstanceRequest", "TimeSpan", "TimeSpan"),
            ("CreateInstanceRequest", "TimeUnit", "TimeUnit"),
            ("CreateInstanceRequest", "SgId", "SgId"),
            ("CreateInstanceRequest", "AutoRenew", "AutoRenew"),
            ("CreateInstanceRequest", "NeedMasterWan", "NeedMasterWan"),
            ("CreateInstanceRequest", "DisasterRecoverGroupIds", "DisasterRecoverGroupIds"),
            ("CreateInstanceRequest", "CbsEncrypt", "CbsEncrypt"),
            ("CreateInstanceRequest", "MetaType", "MetaType"),
            ("Resource", "StorageType", "ResourceSpec.MasterResourceSpec.StorageType"),
            ("Resource", "DiskType", "ResourceSpec.MasterResourceSpec.DiskType"),
            ("MultiDisk", "DiskType", "ResourceSpec.MasterResourceSpec.MultiDisks[0].DiskType"),
            ("LoginSettings", "Password", "LoginSettings.Password"),
            ("PreExecuteFileSettings", "WhenRun", "PreExecutedFileSettings[0].WhenRun"),
            ("CustomMetaInfo", "MetaDataJdbcUrl", "MetaDBInfo.MetaDataJdbcUrl"),
        };

        /// <summary>Every documented value, from every document.</summary>
        public static IReadOnlyList<DocumentedValue> All()
        {
            var values = new List<DocumentedValue>();
            values.AddRange(FromSeed());
            values.AddRange(FromUpstream(ZhCn, ZhCnApi.Value));
            values.AddRange(FromUpstream(IntlEn, IntlEnApi.Value));

            // A document may name a value twice (the seed's PayMode 0: in its list and in the TimeUnit text).
            return values.GroupBy(v => v.ToString(), StringComparer.Ordinal).Select(g => g.First()).ToList();
        }

        // ---- The seed: an extracted HTML page, one parameter per line, list items as "•" lines ----
        private static IEnumerable<DocumentedValue> FromSeed()
        {
            var found = new List<DocumentedValue>();
            void Add(string path, object value) => found.Add(Documented(Seed, path, value));

            foreach (string name in new[] { "ProductId", "SupportHA", "PayMode", "AutoRenew" })
            {
                foreach (string value in Require(Seed, name, Matches(SeedParameter(name), @"•\s*(\d+):")))
                {
                    Add(name, long.Parse(value));
                }
            }

            // The seed's PayMode list names only 0; its TimeUnit text names PayMode 1 as a value as well.
            foreach (string value in Require(Seed, "PayMode (TimeUnit)", Matches(SeedParameter("TimeUnit"), @"When PayMode is (\d+)")))
            {
                Add("PayMode", long.Parse(value));
            }

            foreach (string name in new[] { "TimeUnit", "NeedMasterWan", "MetaType" })
            {
                foreach (string value in Require(Seed, name, Matches(SeedParameter(name), @"•\s*([A-Za-z_]+):")))
                {
                    Add(name, value);
                }
            }

            foreach (string value in Require(Seed, "CbsEncrypt", Matches(SeedParameter("CbsEncrypt"), @"(?<![\w.])(\d+): ")))
            {
                Add("CbsEncrypt", long.Parse(value));
            }

            string instanceName = SeedParameter("InstanceName");
            Match length = Regex.Match(instanceName, @"Length limit: (\d+)-(\d+) characters");
            Match classes = Regex.Match(instanceName, @"Only (.+?) are supported");
            Assert.True(length.Success && classes.Success, "The seed's InstanceName text changed: " + instanceName);
            foreach (string value in Names(int.Parse(length.Groups[1].Value), int.Parse(length.Groups[2].Value), EnglishClasses(classes.Groups[1].Value)))
            {
                Add("InstanceName", value);
            }

            foreach (string value in SecurityGroupIds(Seed, SeedParameter("SgId")))
            {
                Add("SgId", value);
            }

            Add("DisasterRecoverGroupIds", SpreadGroups(Seed, SeedParameter("DisasterRecoverGroupIds")));
            found.AddRange(TimeSpans(Seed, SeedParameter("TimeSpan")));

            // The seed's error list is the only place that gives the core node limit.
            Match coreLimit = Regex.Match(SeedText.Value, @"InvalidParameter\.InvaildCoreCount The number of core nodes cannot exceed (\d+)\.");
            Assert.True(coreLimit.Success, "The seed's core-count error text changed");
            for (int count = 0; count <= int.Parse(coreLimit.Groups[1].Value); count++)
            {
                Add("ResourceSpec.CoreCount", count);
            }

            return found;
        }

        /// <summary>The lines of one input parameter of the seed, up to the next parameter.</summary>
        private static string SeedParameter(string name)
        {
            var parameterLine = new Regex(@"^\s*(?:•\s*)?([A-Z][A-Za-z]*)(?:\.N)?\s+(?:Yes|No)\s+\S");
            string[] lines = SeedText.Value.Split('\n');
            int start = Array.FindIndex(lines, l => parameterLine.Match(l) is { Success: true } m && m.Groups[1].Value == name);
            Assert.True(start >= 0, "The seed has no input parameter " + name);
            int end = start + 1;
            while (end < lines.Length && !parameterLine.IsMatch(lines[end]) && !lines[end].Contains("3. Output Parameters", StringComparison.Ordinal))
            {
                end++;
            }

            // The next parameter's line starts with the bullet of this one's last item; the match above leaves it out.
            return string.Join("\n", lines, start, end - start);
        }

        // ---- Upstream api.json: prose in "document", HTML in zh-cn (<li>, <br>, <p>, &quot;), Markdown-ish in intl-en ----
        private static IEnumerable<DocumentedValue> FromUpstream(string source, JsonDocument api)
        {
            var found = new List<DocumentedValue>();
            foreach (var (objectName, memberName, path) in UpstreamMembers)
            {
                string text = WebUtility.HtmlDecode(MemberDocument(api, objectName, memberName)).Replace("`", string.Empty, StringComparison.Ordinal);
                string what = objectName + "." + memberName;
                void Add(object value) => found.Add(Documented(source, path, value));
                if (memberName == "TimeUnit")
                {
                    // The TimeUnit text names the PayMode each unit goes with; intl-en's PayMode list itself has only 0.
                    foreach (string value in Require(source, "PayMode (TimeUnit)", Matches(text, @"PayMode(?: is|取值为)\s*(\d+)")))
                    {
                        found.Add(Documented(source, "PayMode", long.Parse(value)));
                    }
                }

                switch (memberName)
                {
                    case "ProductId":
                        // "51:表示STARROCKS-V1.4.0<br>..." (zh-cn), "51: STARROCKS-V1.4.0\n..." (intl-en).
                        foreach (string value in Require(source, what, Matches(text, @"(?:^|<br>)\s*(\d+)\s*[:：]", RegexOptions.Multiline)))
                        {
                            Add(long.Parse(value));
                        }

                        break;
                    case "SupportHA":
                    case "PayMode":
                    case "AutoRenew":
                        foreach (string value in Require(source, what, Matches(text, @"<li>\s*(\d+)\s*[:：]")))
                        {
                            Add(long.Parse(value));
                        }

                        break;
                    case "TimeUnit":
                    case "NeedMasterWan":
                    case "MetaType":
                        foreach (string value in Require(source, what, Matches(text, @"<li>\s*([A-Za-z_]+)\s*[:：]")))
                        {
                            Add(value);
                        }

                        break;
                    case "CbsEncrypt":
                        // "默认0表示不加密，1表示加密" (zh-cn), "0: not encrypted, 1: encrypted" (intl-en).
                        foreach (string value in Require(source, what, Matches(text, @"(\d+)(?:表示|: )")))
                        {
                            Add(long.Parse(value));
                        }

                        break;
                    case "StorageType":
                        // zh-cn: "CLOUD_SSD"   4     //云SSD ...; intl-en: <li>4: Cloud SSD.</li>
                        foreach (string value in Require(source, what, Matches(text, source == ZhCn ? "\"[A-Z_]+\"\\s*(\\d+)" : @"<li>\s*(\d+)\s*:")))
                        {
                            Add(long.Parse(value));
                        }

                        break;
                    case "DiskType":
                        // zh-cn: <p>LOCAL_SSD：...</p>; intl-en and MultiDisk: <li>CLOUD_SSD: ...</li>
                        foreach (string value in Require(source, what, Matches(text, @"(?:<p>|<li>)\s*([A-Z][A-Z_]+)\s*[:：]")))
                        {
                            Add(value);
                        }

                        break;
                    case "WhenRun":
                        // "resourceAfter 或 clusterAfter" (zh-cn), "resourceAfter or clusterAfter" (intl-en).
                        string[] runs = Regex.Split(text.Trim(), @"\s+(?:或|or)\s+");
                        Assert.True(runs.Length >= 2 && runs.All(r => Regex.IsMatch(r, @"^[A-Za-z]+$")), source + " changed its WhenRun text: " + text);
                        foreach (string value in runs)
                        {
                            Add(value);
                        }

                        break;
                    case "InstanceName":
                        foreach (string value in InstanceNames(source, text))
                        {
                            Add(value);
                        }

                        break;
                    case "Password":
                        foreach (string value in Passwords(source, text))
                        {
                            Add(value);
                        }

                        break;
                    case "SgId":
                        foreach (string value in SecurityGroupIds(source, text))
                        {
                            Add(value);
                        }

                        break;
                    case "DisasterRecoverGroupIds":
                        Add(SpreadGroups(source, text));
                        break;
                    case "MetaDataJdbcUrl":
                        // "请以 jdbc:mysql:// 开头" (zh-cn), "beginning with jdbc:mysql://" (intl-en): a prefix, then the address.
                        Match prefix = Regex.Match(text, @"(jdbc:[a-z]+://)");
                        Assert.True(prefix.Success, source + " changed its MetaDataJdbcUrl text: " + text);
                        foreach (string rest in new[] { "10.0.0.1:3306/hive", "db.example:3306/hive?useSSL=false" })
                        {
                            Add(prefix.Groups[1].Value + rest);
                        }

                        break;
                    case "TimeSpan":
                        found.AddRange(TimeSpans(source, text));
                        break;
                    default:
                        throw new InvalidOperationException("No reader for " + what);
                }
            }

            return found;
        }

        private static string MemberDocument(JsonDocument api, string objectName, string memberName) =>
            api.RootElement.GetProperty("objects").GetProperty(objectName).GetProperty("members").EnumerateArray()
                .Single(m => m.GetProperty("name").GetString() == memberName).GetProperty("document").GetString()!;

        // ---- Values built from a described form: every kind of character the text allows, at the lengths it allows ----
        private static IEnumerable<string> InstanceNames(string source, string text)
        {
            // zh-cn: "长度限制为6-36个字符" and "只允许包含中文、字母、数字、-、_"; intl-en as the seed.
            Match length = Regex.Match(text, @"(\d+)-(\d+)\s*(?:个字符|characters)");
            Assert.True(length.Success, source + " changed its InstanceName text: " + text);
            Match chinese = Regex.Match(text, @"只允许包含(.+?)。");
            Match english = Regex.Match(text, @"Only (.+?) are supported");
            Assert.True(chinese.Success || english.Success, source + " changed its InstanceName text: " + text);
            IReadOnlyList<string> classes = chinese.Success ? ChineseClasses(chinese.Groups[1].Value) : EnglishClasses(english.Groups[1].Value);
            return Names(int.Parse(length.Groups[1].Value), int.Parse(length.Groups[2].Value), classes);
        }

        /// <summary>Sample characters for each kind of character a document names, in English.</summary>
        private static IReadOnlyList<string> EnglishClasses(string list)
        {
            var classes = new List<string>();
            foreach (string raw in Regex.Split(list, @",\s*(?:and\s+)?|\s+and\s+"))
            {
                string item = raw.Trim();
                Match literal = Regex.Match(item, @"\((.)\)");
                classes.Add(literal.Success ? literal.Groups[1].Value
                    : item == "letters" ? "EmrTestabcXYZ"
                    : item is "numbers" or "digits" ? "0123456789"
                    : throw new InvalidOperationException("A kind of character this test does not know: " + item));
            }

            return classes;
        }

        /// <summary>Sample characters for each kind of character a document names, in Chinese ("中文、字母、数字、-、_").</summary>
        private static IReadOnlyList<string> ChineseClasses(string list)
        {
            var classes = new List<string>();
            foreach (string item in list.Split('、'))
            {
                classes.Add(item switch
                {
                    "中文" => "弹性集群测试数据湖仓",
                    "字母" => "EmrTestabcXYZ",
                    "数字" => "0123456789",
                    _ when item.Length == 1 && !char.IsLetterOrDigit(item[0]) => item,
                    _ => throw new InvalidOperationException("A kind of character this test does not know: " + item),
                });
            }

            return classes;
        }

        /// <summary>Names of every allowed kind alone and all kinds mixed, at the shortest and longest allowed lengths.</summary>
        private static IEnumerable<string> Names(int min, int max, IReadOnlyList<string> classes)
        {
            static string Fill(string characters, int length) => string.Concat(Enumerable.Range(0, length).Select(i => characters[i % characters.Length]));
            string all = string.Concat(Enumerable.Range(0, classes.Max(c => c.Length)).SelectMany(i => classes.Select(c => c[i % c.Length])));
            foreach (int length in new[] { min, max })
            {
                foreach (string characters in classes)
                {
                    yield return Fill(characters, length);
                }

                yield return Fill(all, length);
            }
        }

        private static IEnumerable<string> Passwords(string source, string text)
        {
            // zh-cn: "8-16个字符，包含大写字母、小写字母、数字和特殊字符四种，特殊符号仅支持!@%^*，密码第一位不能为特殊字符";
            // intl-en: "contains 8 to 16 uppercase letters, lowercase letters, digits, and special characters (only !@%^*)".
            Match length = Regex.Match(text, @"(\d+)(?:-| to )(\d+)");
            Match specials = Regex.Match(text, @"(?:仅支持|only )([^\s，,()（）A-Za-z0-9]+)");
            Assert.True(length.Success && specials.Success, source + " changed its Password text: " + text);
            int min = int.Parse(length.Groups[1].Value);
            int max = int.Parse(length.Groups[2].Value);
            foreach (char special in specials.Groups[1].Value)
            {
                // Each kind of character at least once, a letter first, at both ends of the length range.
                string shortest = "Ab1" + special;
                yield return shortest + new string('x', min - shortest.Length);
                yield return "Z" + special + "9y" + new string('7', max - 4);
            }
        }

        private static IEnumerable<string> SecurityGroupIds(string source, string text)
        {
            // "sg-xxxxxxxx": the prefix and the number of characters after it.
            Match form = Regex.Match(text, @"(sg-)(x+)(?![A-Za-z0-9])");
            Assert.True(form.Success, source + " changed its SgId text: " + text);
            int count = form.Groups[2].Value.Length;
            foreach (string characters in new[] { "abcdefghijklmnopqrstuvwxyz", "0123456789", "a1b2c3d4e5" })
            {
                yield return form.Groups[1].Value + string.Concat(Enumerable.Range(0, count).Select(i => characters[i % characters.Length]));
            }
        }

        /// <summary>"Only one can be specified" / "当前只支持指定一个": a list of that many placement groups.</summary>
        private static JsonArray SpreadGroups(string source, string text)
        {
            Match limit = Regex.Match(text, @"Only (one|\d+) can be specified|只支持指定(一|\d+)个");
            Assert.True(limit.Success, source + " changed its DisasterRecoverGroupIds text: " + text);
            string count = limit.Groups[1].Success ? limit.Groups[1].Value : limit.Groups[2].Value;
            int items = count is "one" or "一" ? 1 : int.Parse(count);
            return new JsonArray(Enumerable.Range(0, items).Select(i => (JsonNode?)JsonValue.Create("ps-" + i.ToString("d8"))).ToArray());
        }

        /// <summary>The documents pair TimeSpan with TimeUnit: 3600 with "s", a number of months (1, say) with "m".</summary>
        private static IEnumerable<DocumentedValue> TimeSpans(string source, string text)
        {
            Match seconds = Regex.Match(text, @"(?:When TimeUnit is s, this parameter can only be filled with|TimeUnit为s时，该参数只能填写)\s*(\d+)");
            Match months = Regex.Match(text, @"(?:for example, |如)(\d+)\s*(?:means one month|表示购买一个月)");
            Assert.True(seconds.Success && months.Success, source + " changed its TimeSpan text: " + text);
            yield return Documented(source, "TimeSpan", long.Parse(seconds.Groups[1].Value), ("TimeUnit", "s"), ("PayMode", 0L));
            yield return Documented(source, "TimeSpan", long.Parse(months.Groups[1].Value), ("TimeUnit", "m"), ("PayMode", 1L));
        }

        // ---- Members a document ties to a value: without them the request would be wrong for another reason ----
        private static DocumentedValue Documented(string source, string path, object value, params (string Path, object Value)[] with)
        {
            JsonNode node = Node(value);
            var companions = with.Select(w => (w.Path, Node(w.Value))).ToList();
            if (with.Length == 0)
            {
                companions.AddRange(TiedMembers(path, node));
            }

            return new DocumentedValue(source, path, node, companions);
        }

        private static JsonNode Node(object value) => value switch
        {
            string text => JsonValue.Create(text),
            long number => JsonValue.Create(number),
            int number => JsonValue.Create((long)number),
            JsonNode node => node,
            _ => throw new ArgumentException("Unexpected value " + value),
        };

        /// <summary>
        /// Every document says: PayMode 0 goes with TimeUnit "s" and TimeSpan 3600, PayMode 1 with "m" and a number of
        /// months; EMR_EXIST_META names an EMR-MetaDB instance, USER_CUSTOM_META describes the database.
        /// </summary>
        private static IEnumerable<(string Path, JsonNode Value)> TiedMembers(string path, JsonNode value)
        {
            string? text = value is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            long? number = value is JsonValue n && n.TryGetValue(out long l) ? l : null;
            (string Unit, long PayMode, long Span)? billing = path switch
            {
                "PayMode" when number == 0 => ("s", 0, 3600),
                "PayMode" when number == 1 => ("m", 1, 1),
                "TimeUnit" when text == "s" => ("s", 0, 3600),
                "TimeUnit" when text == "m" => ("m", 1, 1),
                _ => null,
            };
            if (billing is { } b)
            {
                if (path != "PayMode")
                {
                    yield return ("PayMode", JsonValue.Create(b.PayMode));
                }

                if (path != "TimeUnit")
                {
                    yield return ("TimeUnit", JsonValue.Create(b.Unit));
                }

                yield return ("TimeSpan", JsonValue.Create(b.Span));
            }

            if (path == "MetaType" && text == "EMR_EXIST_META")
            {
                yield return ("UnifyMetaInstanceId", JsonValue.Create("cdb-abcdefgh"));
            }

            if (path == "MetaType" && text == "USER_CUSTOM_META")
            {
                yield return ("MetaDBInfo.MetaDataJdbcUrl", JsonValue.Create("jdbc:mysql://10.0.0.1:3306/hive"));
            }
        }

        private static List<string> Matches(string text, string pattern, RegexOptions options = RegexOptions.None) =>
            Regex.Matches(text, pattern, options).Select(m => m.Groups[1].Value).Distinct().ToList();

        /// <summary>A reader that finds nothing means the document changed: fail rather than check nothing.</summary>
        private static List<string> Require(string source, string what, List<string> values)
        {
            Assert.True(values.Count > 0, source + " lists no values for " + what + " any more; the test's reader needs a look");
            return values;
        }
    }
}
