// Countries, regions and cities, and the adjectives of peoples: how a capitalised name is typed a place.
import { names } from "./build.ts";

export const PLACES = names(`Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|
Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|
Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|
Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|
Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|
Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|
North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|
Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|
South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|
Tanzania|Thailand|Togo|Tunisia|Turkey|Turkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|
UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|US|U.S.|USA|America|Uruguay|
Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Europe|Asia|Africa|Latin America|Middle East|Gaza|West Bank|
Crimea|Donbas|Donetsk|Luhansk|Kharkiv|Kherson|Zaporizhzhia|Odesa|Odessa|Lviv|Dnipro|Mariupol|Bakhmut|Kyiv|Kiev|
Moscow|St Petersburg|Washington|New York|Los Angeles|Chicago|San Francisco|Boston|Miami|Texas|California|Florida|
London|Paris|Berlin|Rome|Madrid|Lisbon|Brussels|Amsterdam|The Hague|Vienna|Prague|Warsaw|Budapest|Bucharest|
Sofia|Athens|Ankara|Istanbul|Stockholm|Oslo|Copenhagen|Helsinki|Tallinn|Riga|Vilnius|Minsk|Chisinau|Tbilisi|
Yerevan|Baku|Dublin|Edinburgh|Cardiff|Belfast|Manchester|Birmingham|Leeds|Liverpool|Glasgow|Bristol|Geneva|Zurich|
Bern|Milan|Naples|Munich|Frankfurt|Hamburg|Cologne|Lyon|Marseille|Barcelona|Beijing|Shanghai|Hong Kong|Tokyo|
Seoul|Pyongyang|Delhi|New Delhi|Mumbai|Islamabad|Kabul|Tehran|Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|
Riyadh|Doha|Dubai|Abu Dhabi|Nairobi|Lagos|Johannesburg|Cape Town|Addis Ababa|Khartoum|Ottawa|Toronto|Montreal|
Vancouver|Mexico City|Brasilia|Rio de Janeiro|Sao Paulo|Buenos Aires|Santiago|Lima|Bogota|Caracas|Havana|Sydney|
Melbourne|Canberra|Auckland|Wellington|Singapore|Jakarta|Manila|Bangkok|Hanoi|Taipei|Northwood|Westminster|
Calderbrook|West Yorkshire|Yorkshire|Kent|Sussex|Bavaria|Normandy|Siberia|Black Sea|Baltic|Mediterranean|Arctic|
Pacific|Atlantic|Balkans|Scandinavia|Caucasus|Sahel|Kursk|Belgorod|Sevastopol|Mykolaiv|Sumy|Chernihiv|Poltava`);

export const DEMONYMS = names(`Ukrainian|Russian|French|British|German|Italian|Spanish|Polish|American|Chinese|
Japanese|Indian|European|Canadian|Australian|Dutch|Belgian|Swedish|Norwegian|Danish|Finnish|Greek|Turkish|
Israeli|Palestinian|Iranian|Iraqi|Syrian|Saudi|Egyptian|African|Asian|Western|Eastern|Northern|Southern|Latin|
Arab|Irish|Scottish|Welsh|English|Swiss|Austrian|Czech|Hungarian|Romanian|Bulgarian|Serbian|Croatian|Belarusian|
Georgian|Armenian|Mexican|Brazilian|Argentine|Korean|Pakistani|Afghan|Lebanese|Jordanian|Qatari|Emirati|Yemeni|
Libyan|Nigerian|Kenyan|Baltic|Nordic|Soviet|Kremlin-backed|Pro-Russian|Portuguese|Estonian|Latvian|Lithuanian|
Moldovan|Slovak|Slovenian|Taiwanese|Vietnamese|Thai|Indonesian|Filipino|Malaysian|Democratic|Republican|Conservative|
Labour|Liberal|Christian|Muslim|Jewish|Catholic|Orthodox`);
