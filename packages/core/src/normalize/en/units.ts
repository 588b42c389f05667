/** Unit symbols and their spoken names, singular and plural. Case matters: "MB" is megabytes, "mb" is not read. */
export const UNITS: Record<string, readonly [one: string, many: string]> = {
  // length
  mm: ["millimeter", "millimeters"], cm: ["centimeter", "centimeters"], m: ["meter", "meters"], km: ["kilometer", "kilometers"],
  nm: ["nanometer", "nanometers"], µm: ["micrometer", "micrometers"], μm: ["micrometer", "micrometers"],
  ft: ["foot", "feet"], yd: ["yard", "yards"], mi: ["mile", "miles"], "in.": ["inch", "inches"],
  // mass
  mg: ["milligram", "milligrams"], g: ["gram", "grams"], kg: ["kilogram", "kilograms"], t: ["tonne", "tonnes"],
  lb: ["pound", "pounds"], lbs: ["pound", "pounds"], oz: ["ounce", "ounces"],
  // volume and area
  ml: ["milliliter", "milliliters"], mL: ["milliliter", "milliliters"], cl: ["centiliter", "centiliters"], dl: ["deciliter", "deciliters"],
  l: ["liter", "liters"], L: ["liter", "liters"], gal: ["gallon", "gallons"], "fl oz": ["fluid ounce", "fluid ounces"],
  tsp: ["teaspoon", "teaspoons"], tbsp: ["tablespoon", "tablespoons"],
  "m²": ["square meter", "square meters"], m2: ["square meter", "square meters"], "km²": ["square kilometer", "square kilometers"],
  "sq ft": ["square foot", "square feet"], "ft²": ["square foot", "square feet"], "m³": ["cubic meter", "cubic meters"], "cm³": ["cubic centimeter", "cubic centimeters"],
  // speed
  "km/h": ["kilometer per hour", "kilometers per hour"], kph: ["kilometer per hour", "kilometers per hour"], mph: ["mile per hour", "miles per hour"],
  "m/s": ["meter per second", "meters per second"], kn: ["knot", "knots"],
  // time
  ms: ["millisecond", "milliseconds"], sec: ["second", "seconds"], secs: ["seconds", "seconds"], min: ["minute", "minutes"], mins: ["minutes", "minutes"],
  h: ["hour", "hours"], hr: ["hour", "hours"], hrs: ["hours", "hours"], µs: ["microsecond", "microseconds"], ns: ["nanosecond", "nanoseconds"],
  // data
  KB: ["kilobyte", "kilobytes"], kB: ["kilobyte", "kilobytes"], MB: ["megabyte", "megabytes"], GB: ["gigabyte", "gigabytes"],
  TB: ["terabyte", "terabytes"], PB: ["petabyte", "petabytes"], KiB: ["kibibyte", "kibibytes"], MiB: ["mebibyte", "mebibytes"], GiB: ["gibibyte", "gibibytes"],
  kbps: ["kilobit per second", "kilobits per second"], Mbps: ["megabit per second", "megabits per second"], Gbps: ["gigabit per second", "gigabits per second"],
  // physics
  Hz: ["hertz", "hertz"], kHz: ["kilohertz", "kilohertz"], MHz: ["megahertz", "megahertz"], GHz: ["gigahertz", "gigahertz"],
  W: ["watt", "watts"], kW: ["kilowatt", "kilowatts"], MW: ["megawatt", "megawatts"], kWh: ["kilowatt hour", "kilowatt hours"],
  V: ["volt", "volts"], mV: ["millivolt", "millivolts"], A: ["amp", "amps"], mA: ["milliamp", "milliamps"], mAh: ["milliamp hour", "milliamp hours"],
  cal: ["calorie", "calories"], kcal: ["kilocalorie", "kilocalories"], psi: ["P S I", "P S I"], dB: ["decibel", "decibels"],
  "°C": ["degree Celsius", "degrees Celsius"], "°F": ["degree Fahrenheit", "degrees Fahrenheit"], "℃": ["degree Celsius", "degrees Celsius"], "℉": ["degree Fahrenheit", "degrees Fahrenheit"],
  "° C": ["degree Celsius", "degrees Celsius"], "° F": ["degree Fahrenheit", "degrees Fahrenheit"], K: ["kelvin", "kelvin"], "°": ["degree", "degrees"],
};

/**
 * Units that are also ordinary words or letters, read as units only straight after the number
 * with no space ("5m", "3h"), or with a space when the unit is a symbol nobody writes as a word.
 */
export const UNITS_NEEDING_NO_SPACE = new Set(["t", "h", "A", "K", "V", "W", "in.", "kn"]);
