/**
 * Trailing phrases that mark a developing story (see shared domain notes, section 2).
 * Matching normalizes case, NBSP, brackets, <strong>/<em> and trailing dots, so each phrase is listed once.
 */
export const DEFAULT_MARKERS: Record<string, string[]> = {
  ru: [
    "Новость обновляется",
    "Новость дополняется",
    "Новость будет дополнена",
    "Материал дополняется",
    "Текст дополняется",
    "Информация уточняется",
    "Подробности уточняются",
    "Следите за обновлениями",
    "Обновлено",
    "Добавлены подробности",
  ],
  az: [
    "Xəbər yenilənir",
    "Xəbər yenilənəcək",
    "Xəbər yenilənib",
    "Məlumat dəqiqləşdirilir",
    "Ətraflı məlumat veriləcək",
  ],
  en: [
    "The news is being updated",
    "This story is developing",
    "This is a developing story",
    "Developing story",
    "More to follow",
    "Details to follow",
  ],
  tr: ["Haber güncelleniyor", "Haberin detayları geliyor", "Detaylar geliyor", "Gelişmeler takip ediliyor"],
  kk: ["Жаңалық толықтырылуда", "Жаңалық толықтырылады", "Ақпарат толықтырылуда", "Ақпарат нақтылануда"],
  uz: ["Yangilik to‘ldirilmoqda", "Xabar yangilanmoqda", "Янгилик тўлдирилмоқда", "Хабар янгиланмоқда"],
  ky: ["Жаңылык толукталууда", "Маалымат такталууда"],
};
