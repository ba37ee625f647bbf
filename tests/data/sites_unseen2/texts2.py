"""Invented Vietnamese article texts in the genre of provincial party and government news (no real
text copied). Each topic is a template filled with a site's invented place and person names, so the
five sites carry different articles. Used by make_unseen2.py."""
from __future__ import annotations

TOPICS = [
    dict(
        title="Hội nghị Ban Chấp hành Đảng bộ {tinh} lần thứ {a}",
        lead="Sáng {d}, Ban Chấp hành Đảng bộ {tinh} tổ chức hội nghị lần thứ {a} để đánh giá tình hình thực hiện nhiệm vụ chính trị quý I và bàn giải pháp những tháng tiếp theo. Đồng chí {nguoi}, Bí thư Tỉnh ủy chủ trì hội nghị.",
        paras=[
            "Báo cáo tại hội nghị cho biết, tăng trưởng kinh tế của tỉnh ước đạt {p},{q}%, cao hơn cùng kỳ năm trước; thu ngân sách trên địa bàn đạt {b} tỷ đồng, bằng {c}% dự toán. Các lĩnh vực văn hóa, xã hội có nhiều chuyển biến, quốc phòng, an ninh được giữ vững.",
            "Các đại biểu tập trung thảo luận những hạn chế như tiến độ giải ngân vốn đầu tư công còn chậm, công tác giải phóng mặt bằng ở một số dự án trọng điểm gặp vướng mắc, việc sắp xếp đơn vị hành chính cấp xã cần được chuẩn bị chu đáo hơn.",
            "Kết luận hội nghị, đồng chí {nguoi} yêu cầu các cấp ủy, chính quyền bám sát mục tiêu nghị quyết, phân công rõ người, rõ việc, rõ thời gian hoàn thành; kịp thời tháo gỡ khó khăn cho doanh nghiệp và người dân, không để tình trạng đùn đẩy trách nhiệm.",
        ],
    ),
    dict(
        title="Kiểm tra việc thực hiện Nghị quyết Đại hội Đảng bộ tại {huyen}",
        lead="Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy do đồng chí {nguoi2}, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm trưởng đoàn vừa làm việc với Ban Thường vụ {huyen} về kết quả thực hiện nghị quyết giữa nhiệm kỳ.",
        paras=[
            "Theo báo cáo, sau hơn hai năm triển khai nghị quyết, {huyen} đã hoàn thành {a}/{b} chỉ tiêu chủ yếu; thu nhập bình quân đầu người đạt {c} triệu đồng mỗi năm; tỷ lệ hộ nghèo giảm còn {p},{q}%.",
            "Đoàn kiểm tra ghi nhận sự chủ động của huyện trong xây dựng các chương trình hành động, đồng thời chỉ ra việc quản lý đất đai, trật tự xây dựng ở một số xã còn buông lỏng, việc xử lý đơn thư có vụ việc kéo dài.",
            "Đồng chí trưởng đoàn đề nghị huyện khẩn trương khắc phục các tồn tại đã chỉ ra, gửi báo cáo kết quả khắc phục về Ủy ban Kiểm tra Tỉnh ủy trước ngày 30 của tháng tới.",
        ],
    ),
    dict(
        title="{xa} về đích nông thôn mới nâng cao",
        lead="Sau {a} năm nỗ lực, {xa} thuộc {huyen} đã đạt đủ 19 tiêu chí xã nông thôn mới nâng cao, trở thành một trong những địa phương dẫn đầu phong trào của tỉnh.",
        paras=[
            "Từ nguồn lực nhà nước hỗ trợ và sự đóng góp của nhân dân, xã đã cứng hóa {b} km đường giao thông nông thôn, xây mới nhà văn hóa ở tất cả các thôn, đưa nước sạch về tới {c}% số hộ gia đình.",
            "Ông {nguoi3}, Chủ tịch UBND xã cho biết nhiều hộ đã tự nguyện hiến đất mở rộng đường, tháo dỡ tường rào, cổng ngõ mà không đòi hỏi bồi thường. Các mô hình trồng cây ăn quả, nuôi ong lấy mật cho thu nhập ổn định.",
            "Thời gian tới, xã tiếp tục củng cố các tiêu chí đã đạt, hướng tới xây dựng thôn kiểu mẫu, chú trọng cảnh quan môi trường và phát triển sản phẩm OCOP gắn với thương hiệu địa phương.",
        ],
    ),
    dict(
        title="Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính ở {huyen}",
        lead="Năm nay, {huyen} đặt mục tiêu {c}% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình, giảm thời gian đi lại và chi phí cho người dân.",
        paras=[
            "Bộ phận một cửa của huyện và các xã đã được trang bị máy quét, máy tính kết nối với hệ thống thông tin giải quyết thủ tục hành chính của tỉnh. Tổ công nghệ số cộng đồng ở {a} thôn, tổ dân phố hướng dẫn người dân cài đặt ứng dụng định danh điện tử.",
            "Bà {nguoi3}, một người dân ở thị trấn, chia sẻ trước đây muốn xin giấy xác nhận phải đi lại nhiều lần, nay chỉ cần ngồi ở nhà thao tác trên điện thoại, kết quả được trả qua bưu điện.",
            "Tuy vậy, hạ tầng mạng ở một số thôn vùng cao chưa ổn định, một bộ phận người cao tuổi còn ngại sử dụng dịch vụ công trực tuyến. Huyện sẽ tăng cường tập huấn và bố trí kinh phí nâng cấp đường truyền.",
        ],
    ),
    dict(
        title="Đại biểu Hội đồng nhân dân tỉnh tiếp xúc cử tri {huyen}",
        lead="Chiều {d}, Tổ đại biểu HĐND tỉnh đơn vị bầu cử số {a} gồm đồng chí {nguoi2} và các đại biểu đã tiếp xúc cử tri {huyen} trước kỳ họp thường lệ.",
        paras=[
            "Tại buổi tiếp xúc, cử tri bày tỏ phấn khởi trước những kết quả đạt được trong phát triển kinh tế, xã hội của tỉnh, đồng thời kiến nghị nâng cấp tuyến đường liên xã đã xuống cấp, bổ sung giáo viên cho các trường mầm non.",
            "Một số cử tri phản ánh giá vật tư nông nghiệp tăng cao, đầu ra cho nông sản bấp bênh, đề nghị tỉnh có chính sách hỗ trợ liên kết tiêu thụ sản phẩm và quan tâm hơn tới chế độ cho cán bộ không chuyên trách ở thôn.",
            "Thay mặt Tổ đại biểu, đồng chí {nguoi2} tiếp thu, giải trình các ý kiến thuộc thẩm quyền và cam kết tổng hợp đầy đủ kiến nghị gửi tới các cơ quan chức năng xem xét, trả lời cử tri.",
        ],
    ),
    dict(
        title="Đại hội điểm chi bộ thôn {thon} nhiệm kỳ 2025 - 2027",
        lead="Chi bộ thôn {thon}, Đảng bộ {xa} vừa tổ chức đại hội điểm nhiệm kỳ 2025 - 2027 để rút kinh nghiệm trước khi các chi bộ trực thuộc tiến hành đại hội.",
        paras=[
            "Nhiệm kỳ qua, chi bộ lãnh đạo nhân dân chuyển đổi {b} ha đất trồng lúa kém hiệu quả sang trồng rau màu, kết nạp {a} đảng viên mới, không có đảng viên vi phạm kỷ luật. Thôn giữ vững danh hiệu khu dân cư văn hóa.",
            "Đại hội đã thảo luận, thống nhất các chỉ tiêu nhiệm kỳ mới, trong đó phấn đấu thu nhập bình quân đạt {c} triệu đồng mỗi người mỗi năm, hằng năm chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
            "Đại hội bầu đồng chí {nguoi3} giữ chức Bí thư chi bộ, bầu đại biểu dự đại hội Đảng bộ xã. Văn kiện và công tác tổ chức đại hội được đánh giá chặt chẽ, đúng hướng dẫn của cấp trên.",
        ],
    ),
    dict(
        title="Giảm nghèo bền vững ở vùng đồng bào dân tộc thiểu số {huyen}",
        lead="Nhờ lồng ghép hiệu quả các chương trình mục tiêu quốc gia, tỷ lệ hộ nghèo ở các xã vùng đồng bào dân tộc thiểu số của {huyen} giảm bình quân {p},{q}% mỗi năm.",
        paras=[
            "Huyện đã hỗ trợ {b} hộ con giống, phân bón, máy móc phục vụ sản xuất; mở {a} lớp đào tạo nghề ngắn hạn cho lao động nông thôn, giúp nhiều người có việc làm ổn định tại các khu công nghiệp.",
            "Gia đình anh {nguoi3} ở thôn {thon} từng thuộc diện nghèo, được vay vốn ưu đãi để nuôi bò sinh sản và trồng quế. Đến nay, đàn bò đã tăng lên sáu con, gia đình có thu nhập khá và tự nguyện xin ra khỏi danh sách hộ nghèo.",
            "Huyện xác định giảm nghèo phải gắn với thay đổi tư duy, khơi dậy ý chí tự lực của người dân, tránh tâm lý trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước.",
        ],
    ),
    dict(
        title="{tinhhoa} chủ động ứng phó mùa mưa lũ năm nay",
        lead="Trước dự báo thời tiết diễn biến phức tạp, Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn {tinh} yêu cầu các địa phương triển khai sớm phương án ứng phó theo phương châm bốn tại chỗ.",
        paras=[
            "Toàn tỉnh hiện có {a} hồ chứa thủy lợi, trong đó nhiều hồ đã xuống cấp. Các đơn vị quản lý được yêu cầu kiểm tra tràn xả lũ, vận hành đúng quy trình, bố trí lực lượng trực ở các công trình xung yếu.",
            "Các huyện miền núi rà soát {b} điểm có nguy cơ sạt lở đất, lũ quét, lập danh sách hộ dân cần di dời khi có mưa lớn kéo dài. Vật tư, lương thực, thuốc men được dự trữ tại các xã thường bị chia cắt.",
            "Lực lượng quân sự, công an tỉnh sẵn sàng {c} cán bộ, chiến sĩ cùng phương tiện để tham gia cứu hộ, cứu nạn khi có tình huống xảy ra.",
        ],
    ),
    dict(
        title="Trao Huy hiệu Đảng đợt {dot} cho đảng viên {huyen}",
        lead="Ban Thường vụ Huyện ủy {huyenten} vừa tổ chức lễ trao Huy hiệu Đảng đợt {dot} cho {a} đảng viên cao tuổi Đảng.",
        paras=[
            "Trong số các đảng viên được nhận huy hiệu lần này có {b} đồng chí nhận Huy hiệu 60 năm tuổi Đảng, nhiều đồng chí từng tham gia kháng chiến, sau này tiếp tục đóng góp ở các cương vị công tác tại địa phương.",
            "Phát biểu tại buổi lễ, đồng chí {nguoi2} bày tỏ sự trân trọng trước những cống hiến của các đảng viên lão thành, mong các đồng chí tiếp tục giữ gìn phẩm chất, là tấm gương sáng cho thế hệ trẻ noi theo.",
            "Thay mặt các đảng viên, đồng chí {nguoi3} xúc động cảm ơn sự quan tâm của cấp ủy và hứa sẽ luôn giữ vững niềm tin, tích cực tham gia sinh hoạt chi bộ nơi cư trú.",
        ],
    ),
    dict(
        title="Phát triển du lịch cộng đồng gắn với bảo tồn bản sắc ở {xa}",
        lead="Với cảnh quan ruộng bậc thang và những nếp nhà sàn truyền thống, {xa} đang trở thành điểm đến hấp dẫn, đón khoảng {b} lượt khách mỗi năm.",
        paras=[
            "Hiện xã có {a} hộ làm dịch vụ lưu trú tại gia, đội văn nghệ dân gian phục vụ du khách vào cuối tuần. Người dân được tập huấn kỹ năng đón tiếp, nấu các món ăn truyền thống từ nguyên liệu địa phương.",
            "Chị {nguoi3}, chủ một homestay cho biết mỗi tháng gia đình có thêm thu nhập khoảng {c} triệu đồng. Điều quan trọng hơn là con em trong bản biết trân trọng trang phục, tiếng nói và các lễ hội của dân tộc mình.",
            "Để du lịch phát triển bền vững, xã đang xây dựng quy ước bảo vệ cảnh quan, hạn chế bê tông hóa, khuyến khích sử dụng vật liệu truyền thống khi sửa chữa nhà ở.",
        ],
    ),
    dict(
        title="Lan tỏa việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở {huyen}",
        lead="Sau {a} năm thực hiện Chỉ thị 05 của Bộ Chính trị, việc học tập và làm theo Bác ở {huyen} đã trở thành việc làm thường xuyên của cán bộ, đảng viên và nhân dân.",
        paras=[
            "Mỗi năm, các chi bộ đăng ký ít nhất một việc làm cụ thể theo gương Bác như sửa đường thôn, giúp đỡ học sinh nghèo, giữ gìn vệ sinh môi trường. Đã có {b} tập thể, cá nhân được khen thưởng vì có cách làm hay.",
            "Điển hình là cựu chiến binh {nguoi3} ở thôn {thon}, nhiều năm liền vận động bà con hiến đất làm đường, trồng hàng cây xanh dọc tuyến đường liên thôn, được nhân dân tin yêu.",
            "Huyện ủy sẽ tiếp tục gắn việc thực hiện Chỉ thị với công tác xây dựng, chỉnh đốn Đảng, phát huy vai trò nêu gương của người đứng đầu.",
        ],
    ),
    dict(
        title="Thu ngân sách {tinh} quý I đạt hơn {b} tỷ đồng",
        lead="Theo Sở Tài chính, tổng thu ngân sách nhà nước trên địa bàn {tinh} quý I đạt hơn {b} tỷ đồng, bằng {c}% dự toán năm và tăng so với cùng kỳ.",
        paras=[
            "Trong đó, thu nội địa chiếm phần lớn, thu từ tiền sử dụng đất tăng mạnh nhờ đấu giá thành công một số khu dân cư mới. Thu từ khu vực doanh nghiệp ngoài quốc doanh đạt khá do sản xuất công nghiệp phục hồi.",
            "Chi ngân sách địa phương bảo đảm các nhiệm vụ thường xuyên, chi cho an sinh xã hội và chi trả kịp thời các chế độ cho người có công trong dịp đầu năm. Giải ngân vốn đầu tư công đạt {a}% kế hoạch.",
            "Ngành thuế sẽ tăng cường chống thất thu, đôn đốc thu hồi nợ đọng, đẩy mạnh hóa đơn điện tử khởi tạo từ máy tính tiền trong lĩnh vực bán lẻ, ăn uống.",
        ],
    ),
    dict(
        title="Công an {huyen} bảo đảm an ninh trật tự dịp lễ hội đầu năm",
        lead="Để phục vụ các lễ hội đầu xuân, Công an {huyen} đã huy động {a} cán bộ, chiến sĩ cùng lực lượng bảo vệ dân phố tham gia giữ gìn an ninh trật tự, hướng dẫn giao thông.",
        paras=[
            "Các tổ công tác được bố trí tại những khu vực đông người, bãi trông giữ xe, tuyến đường dẫn vào khu di tích. Lực lượng chức năng kiên quyết xử lý tình trạng tự ý thu phí trông xe, bán hàng lấn chiếm lòng đường.",
            "Trong thời gian diễn ra lễ hội, công an huyện đã tiếp nhận và trao trả tài sản thất lạc cho {b} du khách, xử lý hơn {c} trường hợp vi phạm trật tự an toàn giao thông.",
            "Thượng tá {nguoi2}, Trưởng Công an huyện đề nghị người dân nâng cao cảnh giác, bảo quản tài sản cá nhân và kịp thời báo tin cho cơ quan công an khi phát hiện vụ việc bất thường.",
        ],
    ),
    dict(
        title="Bàn giao {a} căn nhà cho hộ nghèo tại {huyen}",
        lead="Từ nguồn Quỹ Vì người nghèo và sự đóng góp của doanh nghiệp, Ủy ban Mặt trận Tổ quốc {huyen} vừa bàn giao {a} căn nhà đại đoàn kết cho các hộ có hoàn cảnh khó khăn.",
        paras=[
            "Mỗi căn nhà được hỗ trợ từ {c} triệu đồng, phần còn lại do gia đình, dòng họ và hàng xóm góp công, góp vật liệu. Các đoàn thể ở thôn cử người giúp vận chuyển vật tư, san nền.",
            "Nhận chìa khóa nhà mới, bà {nguoi3} không giấu được niềm vui vì từ nay không còn lo mưa dột mỗi khi mùa mưa đến.",
            "Ủy ban Mặt trận huyện cho biết sẽ tiếp tục vận động nguồn lực để xóa {b} nhà tạm còn lại trong năm, góp phần hoàn thành mục tiêu xóa nhà tạm, nhà dột nát trên địa bàn.",
        ],
    ),
    dict(
        title='Nhân rộng mô hình "Dân vận khéo" ở {huyen}',
        lead='Toàn {huyen} hiện có {a} mô hình "Dân vận khéo" trên các lĩnh vực, góp phần tạo đồng thuận trong nhân dân khi thực hiện các chủ trương lớn của địa phương.',
        paras=[
            "Mô hình giúp nhau phát triển kinh tế của Hội Phụ nữ thị trấn đã hỗ trợ {b} hội viên vay vốn không lãi, nhiều chị em từ chỗ khó khăn nay đã có cửa hàng nhỏ, có thu nhập ổn định.",
            "Ở các xã vùng giáo, cán bộ dân vận phối hợp với chức sắc tôn giáo vận động giáo dân tham gia làm đường, giữ gìn an ninh thôn xóm. Năm qua không có đơn thư vượt cấp liên quan đến đất đai ở khu vực này.",
            "Trưởng Ban Dân vận Huyện ủy {nguoi2} cho biết, bí quyết của dân vận khéo là gần dân, hiểu dân, nói để dân tin và làm để dân làm theo.",
        ],
    ),
    dict(  # a short news item: a lead and one paragraph
        title="Tổng kết công tác thi đua, khen thưởng khối cơ quan {huyen}",
        lead="Cụm thi đua các cơ quan {huyen} vừa tổ chức hội nghị tổng kết công tác thi đua, khen thưởng và ký kết giao ước thi đua năm mới.",
        paras=[
            "Dịp này, {a} tập thể và {b} cá nhân được nhận giấy khen vì có thành tích xuất sắc; đồng chí {nguoi3} được bầu làm cụm trưởng cụm thi đua năm tới.",
        ],
    ),
]

SITES = {
    "tandan": dict(tinh="tỉnh Hòa Sơn", tinhhoa="Tỉnh Hòa Sơn", huyen="huyện Lâm Thượng", huyenten="Lâm Thượng",
                   xa="xã Tân Phong", thon="Nà Lầu", nguoi="Hoàng Văn Thịnh", nguoi2="Lục Thị Mai",
                   nguoi3="Sầm Văn Khoa", dot="3/2"),
    "sharepoint": dict(tinh="tỉnh Đông Giang", tinhhoa="Tỉnh Đông Giang", huyen="huyện Phù Khê", huyenten="Phù Khê",
                       xa="xã Vĩnh Lạc", thon="Đông Phù", nguoi="Nguyễn Đức Toàn", nguoi2="Trần Thị Hương",
                       nguoi3="Phạm Văn Lợi", dot="7/11"),
    "liferay": dict(tinh="tỉnh Bắc Lĩnh", tinhhoa="Tỉnh Bắc Lĩnh", huyen="huyện Mường Khang", huyenten="Mường Khang",
                    xa="xã Pá Sinh", thon="Huổi Lếch", nguoi="Lò Văn Tấn", nguoi2="Quàng Thị Duyên",
                    nguoi3="Cà Văn Sơn", dot="19/5"),
    "party_newspaper": dict(tinh="tỉnh Nam Thạnh", tinhhoa="Tỉnh Nam Thạnh", huyen="huyện Cái Bần", huyenten="Cái Bần",
                            xa="xã Long Điền", thon="ấp Bến Lức", nguoi="Võ Thành Trung", nguoi2="Lê Thị Kim Hoa",
                            nguoi3="Huỳnh Văn Tám", dot="2/9"),
    "wordpress": dict(tinh="tỉnh Quảng Lạc", tinhhoa="Tỉnh Quảng Lạc", huyen="huyện Sơn Trà Bắc", huyenten="Sơn Trà Bắc",
                      xa="xã Hành Phước", thon="Phước Lộc", nguoi="Đinh Công Hiếu", nguoi2="Bùi Thị Thanh",
                      nguoi3="Đặng Ngọc Ánh", dot="3/2"),
    "wordpress_block": dict(tinh="tỉnh Tây Nguyên Sơn", tinhhoa="Tỉnh Tây Nguyên Sơn", huyen="huyện Ea Krông",
                            huyenten="Ea Krông", xa="xã Cư Pang", thon="buôn Ea Tar", nguoi="Y Thông Niê",
                            nguoi2="H'Lan Byă", nguoi3="Ama Hoa", dot="6/1"),
    "wordpress_elementor": dict(tinh="tỉnh Hải Phong", tinhhoa="Tỉnh Hải Phong", huyen="huyện Kim Bảng Đông",
                                huyenten="Kim Bảng Đông", xa="xã An Lạc", thon="thôn Đồng Xá", nguoi="Trịnh Quốc Việt",
                                nguoi2="Vũ Thị Lụa", nguoi3="Mạc Văn Tiến", dot="3/2"),
}
