package org.unbinddesk.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.identity.IdNumbers;

/**
 * The demo data's identifiers are valid by their own rules (README, "Demo data"): each rule is tried on known good and
 * bad values, then on every demo row, read from a database the registry and demo migrations made.
 */
class DemoIdentifiersTests {

	/** The first four digits of each demo city's own GB/T 2260 code (municipalities: the province-level code). */
	static final Map<String, String> CITY_CODES = Map.of("1100", "北京", "3100", "上海", "3301", "杭州", "4403", "深圳",
			"3201", "南京", "5101", "成都");

	/** The districts under each city (GB/T 2260): where ID numbers and credit codes are registered. */
	static final Map<String, String> DISTRICT_PREFIXES = Map.of("1101", "北京", "3101", "上海", "3301", "杭州", "4403",
			"深圳", "3201", "南京", "5101", "成都");

	static final Set<String> WOMEN = Set.of("王芳", "陈静", "赵敏", "李娜", "吴婷");

	static final Set<String> MEN = Set.of("张伟", "刘洋", "杨磊", "周强");

	private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] USCC_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int[] ORGANISATION_CODE_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	static JdbcClient registry;

	@BeforeAll
	static void migrate() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:demo-identifiers;DB_CLOSE_DELAY=-1");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/demo")
			.load()
			.migrate();
		registry = JdbcClient.create(dataSource);
	}

	/** Luhn (ISO/IEC 7812): doubling every second digit from the right, the sum is a multiple of 10. */
	static boolean luhn(String number) {
		int sum = 0;
		for (int i = 0; i < number.length(); i++) {
			int digit = number.charAt(number.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return number.matches("\\d{13,19}") && sum % 10 == 0;
	}

	/**
	 * GB 32100-2015: 18 characters (no I, O, Z, S, V); the 9-character organisation code inside (characters 9–17)
	 * carries its own GB 11714 check, and the 18th character is 31 − (Σ value × 3^i mod 31) mod 31.
	 */
	static boolean creditCode(String code) {
		if (code == null || !code.matches("[0-9A-HJ-NP-RTUW-Y]{18}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += USCC_CHARACTERS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
		}
		char check = USCC_CHARACTERS.charAt((31 - sum % 31) % 31);
		return code.charAt(17) == check && organisationCode(code.substring(8, 17));
	}

	/** GB 11714-1997: 8 characters and a check character, 11 − (Σ value × weight mod 11); 10 is X, 11 is 0. */
	static boolean organisationCode(String code) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(code.charAt(i), 36) * ORGANISATION_CODE_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return code.charAt(8) == (check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
	}

	/** The 17th character of a GB 11643 ID number: odd for a man, even for a woman. */
	static boolean isWoman(String idNumber) {
		return (idNumber.charAt(16) - '0') % 2 == 0;
	}

	/** The city a merchant number belongs to: digits 4–7 are the city's code (null: none of the demo cities). */
	static String cityOfMerchantNo(String merchantNo) {
		return merchantNo.startsWith("898") ? CITY_CODES.get(merchantNo.substring(3, 7)) : null;
	}

	@ParameterizedTest(name = "Luhn {0}: {1}")
	@CsvSource({ "4012888888881881, true", "4012888888881882, false", "6222020000000000018, true",
			"6222020000000000011, false", "4111111111111111, true", "4111111111111112, false" })
	void luhnRule(String number, boolean valid) {
		assertThat(luhn(number)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "credit code {0}: {1}")
	@CsvSource({ "91350100M000100Y43, true", "91350100M000100Y44, false", "91310106MA1FL0023X, true",
			"91310000MA1FL0001X, false", "91350100M000100Y4I, false", "9135010, false" })
	void creditCodeRule(String code, boolean valid) {
		assertThat(creditCode(code)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "ID {0} of {1}: {2}")
	@CsvSource({ "110101198001011232, 张伟, true", "310115197909233450, 王芳, false", "310115197909233442, 王芳, true",
			"33010619830419012X, 吴婷, true", "110101198001011233, 张伟, false" })
	void idNumberRule(String idNumber, String name, boolean valid) {
		assertThat(IdNumbers.isValid(idNumber) && isWoman(idNumber) == WOMEN.contains(name)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "merchant {0} in {1}: {2}")
	@CsvSource({ "898110000000001, 北京, true", "898310000000002, 上海, true", "898110000000002, 上海, false",
			"898330100000009, 杭州, true", "899330100000009, 杭州, false" })
	void merchantRegionRule(String merchantNo, String city, boolean valid) {
		assertThat(city.equals(cityOfMerchantNo(merchantNo))).isEqualTo(valid);
	}

	/**
	 * The load-test merchants ({@link DemoLoadMerchants}) follow every rule but the city's: their range {@code 898199…}
	 * reads as city code 1990, which is no city's, and is kept apart from demo and real numbers on purpose.
	 */
	@ParameterizedTest(name = "load merchant {0}")
	@CsvSource({ "1", "2", "10000", "9999999" })
	void loadMerchantsHaveValidIdentifiersOutsideEveryCity(int index) {
		String merchantNo = DemoLoadMerchants.merchantNo(index);
		assertThat(merchantNo).matches(org.unbinddesk.cases.Identifiers.MERCHANT_NO).startsWith("898199");
		assertThat(cityOfMerchantNo(merchantNo)).as("the load range is no city's").isNull();
		assertThat(DemoLoadMerchants.terminalId(index)).matches(org.unbinddesk.cases.Identifiers.TERMINAL_ID);
		assertThat(DemoLoadMerchants.serialNumber(index)).matches(org.unbinddesk.cases.Identifiers.SERIAL_NUMBER);
		assertThat(luhn(DemoLoadMerchants.cardNumber(index))).as(DemoLoadMerchants.cardNumber(index)).isTrue();
		assertThat(IdNumbers.isValid(DemoLoadMerchants.ID_NUMBER)).isTrue();
		assertThat(DemoLoadMerchants.PHONE).matches(org.unbinddesk.cases.Identifiers.MOBILE);
	}

	record DemoMerchant(String merchantNo, String name, String type, String creditCode, String legalName,
			String idNumber) {
	}

	private static List<DemoMerchant> demoMerchants() {
		List<DemoMerchant> merchants = registry.sql("""
				select merchant_no, name, merchant_type, credit_code, legal_person_name, legal_person_id_number
				from merchant order by merchant_no""")
			.query((rs, n) -> new DemoMerchant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
		assertThat(merchants).hasSize(9);
		return merchants;
	}

	@Test
	void demoSettlementCardsPassLuhn() {
		List<String> cards = registry.sql("select card_number from settlement_account").query(String.class).list();
		assertThat(cards).hasSize(9).allSatisfy(card -> assertThat(luhn(card)).as(card).isTrue());
	}

	@Test
	void demoCompaniesHaveValidCreditCodesOfTheirCity() {
		List<DemoMerchant> companies = demoMerchants().stream().filter(m -> m.type().equals("COMPANY")).toList();
		assertThat(companies).hasSize(3).allSatisfy(m -> {
			assertThat(creditCode(m.creditCode())).as(m.name() + " " + m.creditCode()).isTrue();
			assertThat(DISTRICT_PREFIXES.get(m.creditCode().substring(2, 6))).as(m.creditCode()).isEqualTo(city(m));
		});
	}

	@Test
	void demoLegalPersonsHaveValidIdNumbersWhoseSexDigitFitsTheName() {
		assertThat(demoMerchants()).allSatisfy(m -> {
			assertThat(IdNumbers.isValid(m.idNumber())).as(m.legalName() + " " + m.idNumber()).isTrue();
			assertThat(WOMEN.contains(m.legalName()) || MEN.contains(m.legalName()))
				.as("%s is on the list of women's or men's names", m.legalName())
				.isTrue();
			assertThat(isWoman(m.idNumber())).as(m.legalName() + " " + m.idNumber())
				.isEqualTo(WOMEN.contains(m.legalName()));
			assertThat(DISTRICT_PREFIXES).as(m.idNumber()).containsKey(m.idNumber().substring(0, 4));
		});
	}

	@Test
	void demoMerchantNumbersCarryTheirCity() {
		assertThat(demoMerchants()).allSatisfy(m -> {
			assertThat(cityOfMerchantNo(m.merchantNo())).as(m.merchantNo() + " " + m.name()).isEqualTo(city(m));
			List<String> addresses = registry
				.sql("select t.registered_address from terminal t join binding b on b.terminal_sn = t.sn where b.merchant_no = ?")
				.param(m.merchantNo())
				.query(String.class)
				.list();
			assertThat(addresses).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith(city(m)));
		});
	}

	/** The city a demo merchant's name begins with. */
	private static String city(DemoMerchant m) {
		return CITY_CODES.values().stream().filter(m.name()::startsWith).findFirst().orElse("?");
	}

}
